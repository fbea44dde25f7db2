import { describe, expect, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import { buildQuarterlyEsgReport } from '@/lib/reports/build-quarterly-esg-report';
import type { TEsgReport } from '@/lib/reports/report-model';
import { withSnapshotInfo } from '@/lib/reports/report-snapshot';
import { fixtureAggregates } from '@/lib/reports/testing/report-fixture';
import { ZEsgReport } from './esg-report';

describe('ZEsgReport (the JSON export in the OpenAPI document)', () => {
  test('has exactly the type of the report model', () => {
    expectTypeOf<z.infer<typeof ZEsgReport>>().toEqualTypeOf<TEsgReport>();
  });

  test('accepts a built report and its frozen version unchanged, after a JSON round trip', () => {
    const live = buildQuarterlyEsgReport(fixtureAggregates('2026-Q3'), {
      generatedAt: new Date('2026-11-29T12:00:00Z'),
    });
    const frozen = withSnapshotInfo(live, {
      version: 2,
      status: 'restated',
      frozenAt: '2026-11-30T09:00:00.000Z',
      supersedesVersion: 1,
      reason: 'factor-update',
      changes: [
        {
          section: 'ghg',
          metric: 'location-based',
          period: '2026-Q3',
          unit: 't CO2e',
          basis: 'location-based',
          oldValue: 1.5,
          newValue: 1.25,
          delta: -0.25,
        },
      ],
    });
    for (const report of [live, frozen]) {
      const json: unknown = JSON.parse(JSON.stringify(report));
      const parsed = ZEsgReport.safeParse(json);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(json);
    }
    expect(frozen.snapshot?.version).toBe(2);
  });
});
