import { expect, test } from 'vitest';
import { buildPhaseTrend, monthsBetween } from './build-phase-trend';

test('pivots rows into tonnes per phase and fills empty months', () => {
  const trend = buildPhaseTrend([
    { month: '2025-11', phase: 'training', locationKgCo2e: 2000, marketKgCo2e: 500 },
    { month: '2026-01', phase: 'inference', locationKgCo2e: 300, marketKgCo2e: 300 },
    { month: '2025-11', phase: 'inference', locationKgCo2e: 100, marketKgCo2e: 50 },
  ]);
  expect(trend.map((p) => p.month)).toEqual(['2025-11', '2025-12', '2026-01']);
  expect(trend[0]?.location.training).toBe(2);
  expect(trend[0]?.market.training).toBe(0.5);
  expect(trend[0]?.location.inference).toBeCloseTo(0.1);
  expect(trend[1]?.location.training).toBe(0);
  expect(trend[2]?.market.inference).toBeCloseTo(0.3);
});

test('no rows, no points; month ranges cross years', () => {
  expect(buildPhaseTrend([])).toEqual([]);
  expect(monthsBetween('2025-12', '2026-02')).toEqual(['2025-12', '2026-01', '2026-02']);
});
