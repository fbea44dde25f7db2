import { describe, expect, test } from 'vitest';
import { buildQuarterlyEsgReport } from './build-quarterly-esg-report';
import { buildTargetsSection } from './build-targets-section';
import type { TTargetsReportInput } from './targets-types';
import { fixtureAggregates } from './testing/report-fixture';

const input: TTargetsReportInput = {
  targets: [
    {
      targetId: 't1',
      name: 'Org absolute',
      scope: 'Organisation',
      metric: 'absolute',
      basis: 'location',
      unit: 'tCO2e',
      periodKey: '2026',
      windowStart: '2026-01-01T00:00:00.000Z',
      windowEnd: '2026-10-01T00:00:00.000Z',
      baseYear: 2025,
      baseValue: 100,
      baseValueSource: 'computed',
      targetYear: 2030,
      targetValue: 50,
      trajectoryValue: 90,
      actualValue: 70.12345,
      projectedValue: 93.49793,
      gapPct: 3.88659,
      status: 'off-track',
      complete: false,
      records: 12,
    },
  ],
  budgets: [
    {
      budgetId: 'b1',
      team: 'Research',
      basis: 'market',
      periodKey: '2026-Q3',
      windowStart: '2026-07-01T00:00:00.000Z',
      windowEnd: '2026-10-01T00:00:00.000Z',
      budgetKgCo2e: 5000,
      actualKgCo2e: 4250,
      usedPct: 85,
      records: 4,
      alertedPct: [80],
    },
  ],
};

describe('buildTargetsSection', () => {
  test('without targets or budgets: the plain statement and no tables', () => {
    const section = buildTargetsSection({});
    expect(section.tables).toEqual([]);
    expect(section.paragraphs[0]).toMatch(/^No reduction targets are configured/);
  });

  test('targets: rounded per unit, window and status stated (projected for an unfinished period)', () => {
    const [targets, budgets] = buildTargetsSection({ targets: input }).tables;
    expect(targets?.rows[0]).toMatchObject({
      label: 'Org absolute · Organisation (2026)',
      basis: 'location-based',
      unit: 'tCO2e',
      window: '2026-01-01 – 2026-10-01',
      base: 100,
      trajectory: 90,
      actual: 70.123,
      projected: 93.498,
      gapPct: 3.9,
      status: 'off-track (projected)',
      records: 12,
    });
    // 5,000 kg = 5 t budget, 4,250 kg = 4.25 t used.
    expect(budgets?.rows[0]).toMatchObject({
      label: 'Research (2026-Q3)',
      budget: 5,
      actual: 4.25,
      usedPct: 85,
    });
    expect(budgets?.rows[0]?.alerts).toBe('80 %');
  });

  test('the flat figure list (CSV/JSON) carries the new rows with unit and basis', () => {
    const report = buildQuarterlyEsgReport(
      { ...fixtureAggregates('2026-Q3'), targets: input },
      { generatedAt: new Date('2026-11-29T12:00:00Z') },
    );
    const figures = report.figures.filter((f) => f.section === '9 Targets and progress');
    expect(figures).toContainEqual({
      section: '9 Targets and progress',
      metric: 'Targets: progress vs linear trajectory | Org absolute · Organisation (2026) | Actual',
      value: 70.123,
      unit: 'tCO2e',
      period: '2026-Q3',
      basis: 'location-based',
    });
    expect(figures).toContainEqual(
      expect.objectContaining({
        metric: 'Team carbon budgets | Research (2026-Q3) | Used',
        unit: '%',
        value: 85,
      }),
    );
  });
});
