import { describe, expect, test } from 'vitest';
import { computeEquivalences, EQUIVALENCE_CONSTANTS } from './equivalences';
import {
  computeSciGCo2ePerUnit,
  gCo2ePer1kRequests,
  gCo2ePer1mTokens,
  whPer1kRequests,
} from './intensity-metrics';

describe('intensity metrics', () => {
  test('per 1k requests and per 1M tokens', () => {
    expect(gCo2ePer1kRequests(2, 4000)).toBeCloseTo((2000 / 4000) * 1000, 12);
    expect(gCo2ePer1mTokens(0.5, 2_000_000)).toBeCloseTo((500 / 2_000_000) * 1_000_000, 12);
    expect(whPer1kRequests(3, 1500)).toBeCloseTo((3000 / 1500) * 1000, 12);
    expect(gCo2ePer1kRequests(2, 0)).toBeNull();
    expect(gCo2ePer1mTokens(2, undefined)).toBeNull();
    expect(whPer1kRequests(2, undefined)).toBeNull();
  });

  test('SCI = (E × I + M) / R', () => {
    expect(
      computeSciGCo2ePerUnit({
        energyKwh: 2,
        intensityGCo2ePerKwh: 300,
        embodiedGCo2e: 50,
        functionalUnits: 10,
      }),
    ).toBeCloseTo((2 * 300 + 50) / 10, 12);
    expect(
      computeSciGCo2ePerUnit({
        energyKwh: 2,
        intensityGCo2ePerKwh: 300,
        embodiedGCo2e: 0,
        functionalUnits: 0,
      }),
    ).toBeNull();
  });
});

describe('equivalences (illustrative)', () => {
  test('quantity = kg / kg per unit; every constant has source and vintage', () => {
    const eq = computeEquivalences(4290);
    expect(eq.find((e) => e.id === 'vehicle-year')?.quantity).toBeCloseTo(1, 12);
    expect(eq.every((e) => e.illustrative && e.source.length > 0 && e.vintage.length > 0)).toBe(true);
    expect(eq).toHaveLength(EQUIVALENCE_CONSTANTS.length);
    expect(computeEquivalences(-5).every((e) => e.quantity === 0)).toBe(true);
  });
});
