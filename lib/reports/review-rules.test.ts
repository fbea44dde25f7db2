import { describe, expect, test } from 'vitest';
import { approvalBlocker, reviewBlocker, reviewWorkflow, type TSignOffState } from './review-rules';

const draft: TSignOffState = {
  createdById: 'editor',
  reviewedById: null,
  reviewedAt: null,
  approvedById: null,
  approvedAt: null,
};
const reviewed: TSignOffState = {
  ...draft,
  reviewedById: 'admin',
  reviewedAt: new Date('2026-11-29T10:00:00Z'),
};
const approved: TSignOffState = {
  ...reviewed,
  approvedById: 'auditor',
  approvedAt: new Date('2026-11-29T11:00:00Z'),
};

describe('[reports] four-eyes sign-off rules', () => {
  test('workflow follows draft → reviewed → approved', () => {
    expect([draft, reviewed, approved].map(reviewWorkflow)).toEqual(['draft', 'reviewed', 'approved']);
  });

  test('the preparer cannot review; anyone else can review a draft once', () => {
    expect(reviewBlocker(draft, 'editor')).toMatch(/prepared \(frozen\) by you/);
    expect(reviewBlocker(draft, 'admin')).toBeNull();
    expect(reviewBlocker(reviewed, 'auditor')).toMatch(/already reviewed/);
    expect(reviewBlocker(approved, 'viewer')).toMatch(/already approved/);
  });

  test('approval needs a review and a third person', () => {
    expect(approvalBlocker(draft, 'auditor')).toMatch(/must be reviewed/);
    expect(approvalBlocker(reviewed, 'editor')).toMatch(/prepared \(frozen\) by you/);
    expect(approvalBlocker(reviewed, 'admin')).toMatch(/third person/);
    expect(approvalBlocker(reviewed, 'auditor')).toBeNull();
    expect(approvalBlocker(approved, 'owner')).toMatch(/already approved/);
  });

  test('a version frozen by a script (no preparer) still needs distinct reviewer and approver', () => {
    const scripted = { ...reviewed, createdById: null };
    expect(approvalBlocker(scripted, 'admin')).toMatch(/third person/);
    expect(approvalBlocker(scripted, 'auditor')).toBeNull();
  });
});
