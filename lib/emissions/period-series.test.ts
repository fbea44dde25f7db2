import { describe, expect, test } from 'vitest';
import { buildPeriodSeries, lastStartingBefore, layeredAverage, timeWeightedAverage } from './period-series';
import { gridFactor } from './testing/fixture-library';

const H = (h: number) => `2023-01-01T${String(h).padStart(2, '0')}:00:00Z`;
const ms = (iso: string) => new Date(iso).getTime();

describe('period series', () => {
  const series = buildPeriodSeries([
    gridFactor('Z', 'hourly', H(1), H(2), 200),
    gridFactor('Z', 'hourly', H(0), H(1), 100),
    gridFactor('Z', 'hourly', H(2), H(3), 300),
    // gap 03:00–04:00
    gridFactor('Z', 'hourly', H(4), H(5), 500),
  ]);

  test('sorts by start and averages whole periods', () => {
    expect(timeWeightedAverage(series, ms(H(0)), ms(H(2)))?.gCo2ePerKwh).toBeCloseTo((100 + 200) / 2, 10);
  });

  test('weights partial periods by time', () => {
    // 00:30–02:00 → 0.5 h at 100 + 1 h at 200 over 1.5 h
    const avg = timeWeightedAverage(series, ms('2023-01-01T00:30:00Z'), ms(H(2)));
    expect(avg?.gCo2ePerKwh).toBeCloseTo((0.5 * 100 + 200) / 1.5, 10);
    expect(avg?.first.gCo2ePerKwh).toBe(100);
    expect(avg?.last.gCo2ePerKwh).toBe(200);
  });

  test('zero-length run takes the containing period', () => {
    expect(
      timeWeightedAverage(series, ms('2023-01-01T01:30:00Z'), ms('2023-01-01T01:30:00Z'))?.gCo2ePerKwh,
    ).toBe(200);
  });

  test('returns null across a gap, before the start or after the end', () => {
    expect(timeWeightedAverage(series, ms(H(2)), ms(H(5)))).toBeNull();
    expect(timeWeightedAverage(series, ms('2022-12-31T23:00:00Z'), ms(H(1)))).toBeNull();
    expect(timeWeightedAverage(series, ms(H(4)), ms(H(6)))).toBeNull();
    expect(timeWeightedAverage(series, ms(H(3)), ms(H(3)))).toBeNull();
  });

  test('first factor wins where periods overlap', () => {
    const overlapping = buildPeriodSeries([
      gridFactor('Z', 'yearly', '2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 10),
      gridFactor('Z', 'yearly', '2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 20),
      gridFactor('Z', 'monthly', '2023-06-01T00:00:00Z', '2023-07-01T00:00:00Z', 30),
    ]);
    expect(overlapping.factors.map((f) => f.gCo2ePerKwh)).toEqual([10]);
  });

  test('lastStartingBefore finds the period at or before t', () => {
    expect(lastStartingBefore(series, ms(H(0)))).toBe(0);
    expect(lastStartingBefore(series, ms(H(0)), true)).toBe(-1);
    expect(lastStartingBefore(series, ms(H(9)))).toBe(3);
  });
});

describe('layeredAverage: each instant from the finest layer covering it', () => {
  // Fine layer: 01:00–03:00 at 100 and 04:00–05:00 at 500 (gap 03:00–04:00); coarse layer: 00:00–06:00 at 300.
  const fine = buildPeriodSeries([
    gridFactor('Z', 'hourly', H(1), H(3), 100),
    gridFactor('Z', 'hourly', H(4), H(5), 500),
  ]);
  const coarse = buildPeriodSeries([gridFactor('Z', 'yearly', H(0), H(6), 300)]);

  test('pieces are weighted by time; the gap in the fine layer reads the coarse one', () => {
    // 00:30–05:30: 0.5 h × 300 + 2 h × 100 + 1 h × 300 + 1 h × 500 + 0.5 h × 300 = 1,300 / 5 = 260
    const r = layeredAverage([fine, coarse], ms('2023-01-01T00:30:00Z'), ms('2023-01-01T05:30:00Z'));
    expect(r?.gCo2ePerKwh).toBeCloseTo(260, 10);
    expect(r?.msByLayer).toEqual([3 * 3_600_000, 2 * 3_600_000]);
    expect(r?.nearestMs).toBe(0);
  });

  test('after the last coarse period the latest one is carried forward and counted as nearest', () => {
    // 05:00–08:00: 1 h × 300 (covered) + 2 h × 300 (nearest earlier) = 300; 2 h counted as nearest.
    const r = layeredAverage([fine, coarse], ms(H(5)), ms(H(8)));
    expect(r?.gCo2ePerKwh).toBeCloseTo(300, 10);
    expect(r?.nearestMs).toBe(2 * 3_600_000);
  });

  test('a zero-length run takes the factor at its start; a run before all data has none', () => {
    expect(layeredAverage([fine, coarse], ms(H(2)), ms(H(2)))?.gCo2ePerKwh).toBeCloseTo(100, 10);
    expect(layeredAverage([fine, coarse], ms('2022-12-31T23:00:00Z'), ms(H(1)))).toBeNull();
  });
});
