import { describe, expect, test } from 'vitest';
import { computeFootprints } from './compute-footprints';
import { sumFootprints } from './sum-footprints';
import { fixtureLibrary, record, SETTINGS } from './testing/fixture-library';
import { productBounds, sumUncertainty, widenRange } from './uncertainty';

describe('sumFootprints', () => {
  const lib = fixtureLibrary();
  const a = record({ energyKwh: 10, pue: 1.5, carbonIntensityGPerKwh: 200, wueLPerKwh: 1, region: 'ZZ-A' });
  const b = record({
    energyKwh: 20,
    pue: 1,
    carbonIntensityGPerKwh: 100,
    wueLPerKwh: 0,
    acceleratorHours: 8760,
    accelerator: 'acc-x',
  });

  test('adds quantities and uncertainty bounds; reports a single basis', () => {
    const results = computeFootprints([a, b], lib, SETTINGS, []);
    const totals = sumFootprints(results);
    expect(totals.records).toBe(2);
    expect(totals.itEnergyKwh).toBeCloseTo(30, 12);
    expect(totals.energyKwh).toBeCloseTo(10 * 1.5 + 20, 12);
    expect(totals.locationKgCo2e).toBeCloseTo((15 * 200 + 20 * 100) / 1000, 12);
    expect(totals.embodiedKgCo2e).toBeCloseTo(100 / 4, 12);
    expect(totals.waterOnsiteL).toBeCloseTo(10, 12);
    expect(totals.measuredRecords).toBe(2);
    expect(totals.basis).toBe('lifecycle');
    const low = (results[0]?.uncertaintyLowKgCo2e ?? 0) + (results[1]?.uncertaintyLowKgCo2e ?? 0);
    expect(totals.uncertainty.lowKgCo2e).toBeCloseTo(low, 12);
    expect(totals.marketKgCo2e).toBeCloseTo(
      results.reduce((s, r) => s + r.marketKgCo2e, 0),
      12,
    );
    expect(totals.waterOffsiteL).toBeCloseTo(
      results.reduce((s, r) => s + r.waterOffsiteL, 0),
      12,
    );
  });

  test('mixed bases are reported, empty input is "none"', () => {
    const lifecycle = computeFootprints([a], lib, SETTINGS, []);
    const direct = computeFootprints([a], lib, { ...SETTINGS, basis: 'direct' }, []);
    expect(sumFootprints([...lifecycle, ...direct]).basis).toBe('mixed');
    expect(sumFootprints([])).toMatchObject({
      records: 0,
      basis: 'none',
      uncertainty: { lowKgCo2e: 0, highKgCo2e: 0 },
    });
  });
});

describe('uncertainty helpers', () => {
  test('productBounds multiplies per-side factors', () => {
    expect(
      productBounds(100, [
        [0.1, 0.2],
        [0.5, 0.5],
      ]),
    ).toEqual({ low: 100 * 0.9 * 0.5, high: 100 * 1.2 * 1.5 });
  });
  test('widenRange adds sides and caps the low side', () => {
    expect(widenRange([0.8, 1], [0.5, 0.5])).toEqual([0.95, 1.5]);
  });
  test('sumUncertainty adds bounds', () => {
    expect(
      sumUncertainty([
        { uncertaintyLowKgCo2e: 1, uncertaintyHighKgCo2e: 2 },
        { uncertaintyLowKgCo2e: 3, uncertaintyHighKgCo2e: 5 },
      ]),
    ).toEqual({
      lowKgCo2e: 4,
      highKgCo2e: 7,
    });
  });
});
