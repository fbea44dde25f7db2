import { expect, test } from 'vitest';
import { parsePeriodKey } from '@/lib/emissions/calendar-periods';
import {
  aggregateRollupMonths,
  periodMonthKeys,
  ROLLUP_SUM_FIELDS,
  type TRollupMonthRow,
} from './aggregate-rollups';
import { yearToDate } from './report-period';

function row(month: string, over: Partial<TRollupMonthRow>): TRollupMonthRow {
  const sums = Object.fromEntries(ROLLUP_SUM_FIELDS.map((f) => [f, 0])) as Record<
    (typeof ROLLUP_SUM_FIELDS)[number],
    number
  >;
  return {
    ...sums,
    month,
    provider: 'aws',
    region: 'eu-west-1',
    gridZone: 'IE',
    phase: 'inference',
    model: 'm',
    team: null,
    aiService: null,
    isMeasured: false,
    starts: 0,
    carryFirst: 0,
    ...over,
  };
}

test('period months: quarter, year and year to date', () => {
  const q3 = parsePeriodKey('2026-Q3', 'Europe/Berlin');
  expect(q3 && periodMonthKeys(q3)).toEqual(['2026-07', '2026-08', '2026-09']);
  const year = parsePeriodKey('2026');
  expect(year && periodMonthKeys(year).length).toBe(12);
  expect(q3 && periodMonthKeys(yearToDate(q3))).toHaveLength(9);
});

test('records touching a period = starts in its months + carry-in of its first month only', () => {
  const q3 = parsePeriodKey('2026-Q3');
  if (!q3) {
    throw new Error('period');
  }
  const rows = [
    row('2026-06', { starts: 5, carryFirst: 1, locationKgCo2e: 100 }), // outside the quarter
    row('2026-07', { starts: 3, carryFirst: 2, locationKgCo2e: 10, itEnergyKwh: 4, isMeasured: true }),
    row('2026-08', { starts: 4, carryFirst: 1, locationKgCo2e: 20, provider: 'on_prem', team: 'Research' }),
  ];
  const a = aggregateRollupMonths(rows, q3);
  expect(a.totals.records).toBe(3 + 2 + 4); // August's carry-in is already counted as a July start
  expect(a.totals.locationKgCo2e).toBe(30);
  expect(a.totals.measuredItEnergyKwh).toBe(4);
  expect(a.owned.locationKgCo2e).toBe(20);
  expect(a.cloud.locationKgCo2e).toBe(10);
  expect(a.byTeam.map((b) => b.key)).toEqual(['Research', 'unassigned']);
  expect(a.monthly.map((m) => [m.month, m.totals.records])).toEqual([
    ['2026-07', 5],
    ['2026-08', 5],
    ['2026-09', 0],
  ]);
});

test('rollup months of shipped-product inference land in Cat 11 (sold products), not Scope 2 or Cat 1', () => {
  const q3 = parsePeriodKey('2026-Q3');
  if (!q3) {
    throw new Error('period');
  }
  const rows = [
    row('2026-07', { starts: 1, locationKgCo2e: 10, marketKgCo2e: 8 }),
    row('2026-08', {
      starts: 1,
      locationKgCo2e: 165.483,
      marketKgCo2e: 120,
      provider: 'edge',
      aiService: 'edge-sold-products',
    }),
    row('2026-08', { starts: 1, locationKgCo2e: 2, marketKgCo2e: 1, provider: 'edge', aiService: 'edge' }),
  ];
  const a = aggregateRollupMonths(rows, q3);
  expect(a.soldProducts.locationKgCo2e).toBe(165.483);
  expect(a.soldProducts.marketKgCo2e).toBe(120);
  expect(a.owned.locationKgCo2e).toBe(2);
  expect(a.cloud.locationKgCo2e).toBe(10);
  expect(a.aiServices.locationKgCo2e).toBe(0);
  // 10 + 165.483 + 2 kg: the total still holds every part.
  expect(a.totals.locationKgCo2e).toBeCloseTo(177.483, 9);
});
