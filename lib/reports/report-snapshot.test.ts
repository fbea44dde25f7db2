import { describe, expect, test } from 'vitest';
import { buildQuarterlyEsgReport } from './build-quarterly-esg-report';
import { diffReportFigures, withSignOff, withSnapshotInfo } from './report-snapshot';
import { fixtureAggregates } from './testing/report-fixture';

const generatedAt = new Date('2026-11-29T12:00:00Z');

describe('report snapshots', () => {
  const before = buildQuarterlyEsgReport(fixtureAggregates('2026-Q3'), { generatedAt });

  test('identical data gives no changes, even with another generation time', () => {
    const later = buildQuarterlyEsgReport(fixtureAggregates('2026-Q3'), {
      generatedAt: new Date('2027-01-01'),
    });
    expect(diffReportFigures(before, later)).toEqual([]);
  });

  test('a changed figure is listed with old, new and delta; removed figures have new = null', () => {
    const after = structuredClone(before);
    const lb = after.figures.find((f) => f.metric.endsWith('| Total AI footprint, location-based | Q3 2026'));
    if (!lb) {
      throw new Error('figure missing');
    }
    lb.value = 0.1;
    const removed = after.figures.pop();
    const changes = diffReportFigures(before, after);
    expect(changes).toContainEqual({
      section: '1 Executive summary',
      metric: 'Headline figures | Total AI footprint, location-based | Q3 2026',
      period: '2026-Q3',
      unit: 'tCO2e',
      basis: 'location-based',
      oldValue: 0.09,
      newValue: 0.1,
      delta: 0.01,
    });
    expect(changes).toContainEqual(
      expect.objectContaining({ metric: removed?.metric, newValue: null, delta: null }),
    );
    expect(changes).toHaveLength(2);
  });

  test('snapshot info adds the change table; sign-off fills the approver', () => {
    const frozen = withSnapshotInfo(before, {
      version: 2,
      status: 'restated',
      frozenAt: generatedAt.toISOString(),
      supersedesVersion: 1,
      reason: 'factor-update',
      changes: [],
    });
    const restatements = frozen.sections.find((s) => s.id === 'restatements');
    expect(restatements?.tables.map((t) => t.id)).toEqual(['restatement-log', 'version-changes']);
    expect(frozen.figures).toEqual(before.figures);
    const signed = withSignOff(frozen, {
      preparedBy: 'editor',
      preparedAt: '2026-11-29T12:00:00.000Z',
      reviewedBy: 'admin',
      reviewedAt: '2026-11-29T15:00:00.000Z',
      approvedBy: 'auditor',
      approvedAt: '2026-11-30T09:00:00.000Z',
    });
    const rows = signed.sections.find((s) => s.id === 'sign-off')?.tables[0]?.rows;
    expect(rows?.[1]).toEqual({ role: 'Reviewer', name: 'admin', at: '2026-11-29T15:00:00.000Z' });
    expect(rows?.[2]).toEqual({ role: 'Approver', name: 'auditor', at: '2026-11-30T09:00:00.000Z' });
    expect(signed.sections.find((s) => s.id === 'sign-off')?.paragraphs.join(' ')).toContain('approved');
  });
});
