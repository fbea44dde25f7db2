import { describe, expect, test } from 'vitest';
import { computeMetricValue } from './target-metric';
import { periodMidpointYears, periodsOfYears } from './target-periods';
import { computeProgressRow, computeTrajectoryValue } from './trajectory';

const yearly = {
  metric: 'absolute' as const,
  baseYear: 2025,
  baseValue: 100,
  targetYear: 2030,
  targetValue: 50,
};
const quarterly = {
  metric: 'absolute' as const,
  baseYear: 2025,
  baseValue: 30,
  targetYear: 2027,
  targetValue: 20,
};

describe('computeTrajectoryValue', () => {
  test('yearly: linear between the base and target year midpoints', () => {
    // 2027.5 is 2/5 of the way from 2025.5 to 2030.5: 100 − 50 × 0.4 = 80.
    expect(computeTrajectoryValue(yearly, 2027.5)).toBeCloseTo(80, 12);
    expect(computeTrajectoryValue(yearly, 2025.5)).toBe(100);
    expect(computeTrajectoryValue(yearly, 2030.5)).toBe(50);
  });

  test('clamped before the base year and after the target year', () => {
    expect(computeTrajectoryValue(yearly, 2024.5)).toBe(100);
    expect(computeTrajectoryValue(yearly, 2031.5)).toBe(50);
  });

  test('quarterly: read at quarter midpoints', () => {
    // Q1 2026 midpoint 2026.125: share (2026.125 − 2025.5) / 2 = 0.3125 → 30 − 10 × 0.3125 = 26.875.
    expect(periodMidpointYears({ year: 2026, quarter: 1 })).toBe(2026.125);
    expect(computeTrajectoryValue(quarterly, 2026.125)).toBeCloseTo(26.875, 12);
    // Q4 2026 midpoint 2026.875: share 0.6875 → 23.125.
    expect(computeTrajectoryValue(quarterly, 2026.875)).toBeCloseTo(23.125, 12);
  });

  test('target year equal to base year: base value up to it, target value from it', () => {
    const flat = { ...yearly, targetYear: 2025 };
    expect(computeTrajectoryValue(flat, 2025.4)).toBe(100);
    expect(computeTrajectoryValue(flat, 2025.5)).toBe(50);
  });
});

function mustFirst<T>(items: T[]): T {
  const [first] = items;
  if (first === undefined) {
    throw new Error('expected at least one period');
  }
  return first;
}

describe('computeProgressRow', () => {
  const q1 = mustFirst(periodsOfYears(2026, 2026, 'quarter', 'UTC'));
  const year2027 = mustFirst(periodsOfYears(2027, 2027, 'year', 'UTC'));

  test('a finished year below the path is on track, gap −6.25 %', () => {
    const row = computeProgressRow(yearly, year2027, 75, new Date('2028-02-01T00:00:00Z'));
    expect(row).toMatchObject({ periodKey: '2027', complete: true, status: 'on-track', unit: 'tCO2e' });
    expect(row.trajectoryValue).toBeCloseTo(80, 12);
    expect(row.gapPct).toBeCloseTo(-6.25, 12);
  });

  test('an unfinished quarter is judged on its projection (actual / elapsed share)', () => {
    // 30 of 90 days elapsed: 10 t so far → 30 t projected > 26.875 t allowed → off track by 11.6279 %.
    const row = computeProgressRow(quarterly, q1, 10, new Date('2026-01-31T00:00:00Z'));
    expect(row.complete).toBe(false);
    expect(row.projectedValue).toBeCloseTo(30, 12);
    expect(row.status).toBe('off-track');
    expect(row.gapPct).toBeCloseTo(((30 - 26.875) / 26.875) * 100, 10);
  });

  test('issue #23: the base year is the reference, never off track against itself', () => {
    // Records added to 2025 after the base (100 t) was computed: 104 t is not "4 % over the path", it is a base
    // to restate (the Targets page prompts for it).
    const year2025 = mustFirst(periodsOfYears(2025, 2025, 'year', 'UTC'));
    const row = computeProgressRow(yearly, year2025, 104, new Date('2026-12-06T00:00:00Z'));
    expect(row).toMatchObject({ status: 'base-year', actualValue: 104, trajectoryValue: 100, gapPct: null });
  });

  test('intensity is a ratio: no projection; no data is reported as such', () => {
    const intensity = { ...quarterly, metric: 'intensity' as const };
    const row = computeProgressRow(intensity, q1, 25, new Date('2026-01-31T00:00:00Z'));
    expect(row).toMatchObject({ projectedValue: 25, status: 'on-track', unit: 'gCO2e/1k requests' });
    expect(computeProgressRow(intensity, q1, null, new Date('2026-05-01T00:00:00Z')).status).toBe('no-data');
  });
});

describe('computeMetricValue', () => {
  const sums = {
    records: 3,
    locationKgCo2e: 2500,
    marketKgCo2e: 1500,
    requestLocationKgCo2e: 12,
    requestMarketKgCo2e: 6,
    requests: 200_000,
  };

  test('absolute: tonnes on the chosen basis', () => {
    expect(computeMetricValue(sums, 'absolute', 'location')).toBe(2.5);
    expect(computeMetricValue(sums, 'absolute', 'market')).toBe(1.5);
  });

  test('intensity: gCO2e per 1,000 requests (12 kg × 1,000 / 200 = 60)', () => {
    expect(computeMetricValue(sums, 'intensity', 'location')).toBe(60);
    expect(computeMetricValue(sums, 'intensity', 'market')).toBe(30);
    expect(computeMetricValue({ ...sums, requests: 0 }, 'intensity', 'location')).toBeNull();
    expect(computeMetricValue({ ...sums, records: 0 }, 'absolute', 'location')).toBeNull();
  });
});
