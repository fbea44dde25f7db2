import type { EfficiencyLevel } from './facility-efficiency';
import type { IntensitySource, RecordFootprint } from './footprint-types';
import type { EnergyMethod } from './it-energy';

/** Relative half-widths [below, above] of a value, e.g. [0.1, 0.2] = −10 %/+20 %. */
export type RelativeRange = readonly [number, number];

/**
 * Documented engineering ranges (not statistical confidence intervals; see docs/METHODOLOGY.md §Uncertainty).
 * Metered energy is narrow, TDP-based estimates wide, fallback factors wider.
 */
export const ENERGY_RANGES: Record<
  EnergyMethod | 'tdp-default-utilization' | 'tdp-unknown-accelerator',
  RelativeRange
> = {
  measured: [0.05, 0.05],
  requests: [0.3, 0.3],
  'stated-power': [0.1, 0.1],
  'tdp-model': [0.25, 0.25],
  'tdp-default-utilization': [0.5, 0.5],
  'tdp-unknown-accelerator': [0.6, 1],
  none: [0, 0],
};

export const PUE_RANGES: Record<EfficiencyLevel, RelativeRange> = {
  row: [0.02, 0.02],
  location: [0.03, 0.03],
  provider: [0.05, 0.05],
  industry: [0.2, 0.2],
};

export const INTENSITY_RANGES: Record<IntensitySource, RelativeRange> = {
  row: [0.05, 0.05],
  hourly: [0.05, 0.05],
  monthly: [0.1, 0.1],
  yearly: [0.1, 0.1],
  'nearest-year': [0.15, 0.15],
  country: [0.25, 0.25],
  world: [0.5, 0.5],
};

/** Added to the intensity range when the factor is on the other basis than requested. */
export const BASIS_MISMATCH_RANGE: RelativeRange = [0.25, 0.25];

/** The grid-intensity range of a footprint: by its intensity source, widened when the basis did not match. */
export function intensityRangeOf(source: IntensitySource, assumptions: readonly string[]): RelativeRange {
  return assumptions.includes('INTENSITY_BASIS_MISMATCH')
    ? widenRange(INTENSITY_RANGES[source], BASIS_MISMATCH_RANGE)
    : INTENSITY_RANGES[source];
}

/** Widens a range by another (a + b per side), capped below at 0.95 so low bounds stay positive. */
export function widenRange(a: RelativeRange, b: RelativeRange): RelativeRange {
  return [Math.min(0.95, a[0] + b[0]), a[1] + b[1]];
}

/**
 * Bounds for a product of uncertain factors: low = v × Π(1 − below_i), high = v × Π(1 + above_i).
 * Conservative (all inputs at their extremes together); never negative for v ≥ 0.
 */
export function productBounds(
  value: number,
  ranges: readonly RelativeRange[],
): { low: number; high: number } {
  let low = value;
  let high = value;
  for (const [below, above] of ranges) {
    low *= 1 - Math.min(1, below);
    high *= 1 + above;
  }
  return { low, high };
}

/** Sums record ranges (bounds add: errors assumed fully correlated, the conservative choice). */
export function sumUncertainty(
  results: readonly Pick<RecordFootprint, 'uncertaintyLowKgCo2e' | 'uncertaintyHighKgCo2e'>[],
) {
  let lowKgCo2e = 0;
  let highKgCo2e = 0;
  for (const result of results) {
    lowKgCo2e += result.uncertaintyLowKgCo2e;
    highKgCo2e += result.uncertaintyHighKgCo2e;
  }
  return { lowKgCo2e, highKgCo2e };
}
