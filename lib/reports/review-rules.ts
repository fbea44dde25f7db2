/**
 * Four-eyes sign-off of a frozen report version (pure): draft → reviewed → approved.
 * The preparer (who froze the version), the reviewer and the approver must be three different people, so no one
 * can check or approve their own work (maker/checker; ESG report outline §8 "controls"). Approval needs a
 * review first and makes the version immutable.
 */
export type TReviewWorkflow = 'draft' | 'reviewed' | 'approved';

export interface TSignOffState {
  createdById: string | null;
  reviewedById: string | null;
  reviewedAt: Date | null;
  approvedById: string | null;
  approvedAt: Date | null;
}

export function reviewWorkflow(v: Pick<TSignOffState, 'reviewedAt' | 'approvedAt'>): TReviewWorkflow {
  return v.approvedAt ? 'approved' : v.reviewedAt ? 'reviewed' : 'draft';
}

/** Why `userId` may not review the version, or null when they may. */
export function reviewBlocker(v: TSignOffState, userId: string): string | null {
  if (v.approvedAt) {
    return 'is already approved and cannot change';
  }
  if (v.reviewedAt) {
    return 'is already reviewed';
  }
  if (v.createdById === userId) {
    return 'was prepared (frozen) by you: the reviewer must be someone else';
  }
  return null;
}

/** Why `userId` may not approve the version, or null when they may. */
export function approvalBlocker(v: TSignOffState, userId: string): string | null {
  if (v.approvedAt) {
    return 'is already approved and cannot change';
  }
  if (!v.reviewedAt) {
    return 'must be reviewed before it can be approved';
  }
  if (v.createdById === userId) {
    return 'was prepared (frozen) by you: the approver must be someone else';
  }
  if (v.reviewedById === userId) {
    return 'was reviewed by you: the approver must be a third person';
  }
  return null;
}
