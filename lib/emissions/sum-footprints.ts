import type { FactorBasis } from './factor-library-types';
import type { FootprintTotals, RecordFootprint } from './footprint-types';
import { sumUncertainty } from './uncertainty';

/**
 * Totals over records. Quantities are summed (never intensities). `basis` reports 'mixed' when the records
 * used different bases, so a caller can refuse or label the total (MR §12).
 */
export function sumFootprints(results: readonly RecordFootprint[]): FootprintTotals {
  const totals: FootprintTotals = {
    records: results.length,
    itEnergyKwh: 0,
    energyKwh: 0,
    locationKgCo2e: 0,
    marketKgCo2e: 0,
    embodiedKgCo2e: 0,
    waterOnsiteL: 0,
    waterOffsiteL: 0,
    measuredRecords: 0,
    basis: 'none',
    uncertainty: sumUncertainty(results),
  };
  const bases = new Set<FactorBasis>();
  for (const r of results) {
    totals.itEnergyKwh += r.itEnergyKwh;
    totals.energyKwh += r.energyKwh;
    totals.locationKgCo2e += r.locationKgCo2e;
    totals.marketKgCo2e += r.marketKgCo2e;
    totals.embodiedKgCo2e += r.embodiedKgCo2e;
    totals.waterOnsiteL += r.waterOnsiteL;
    totals.waterOffsiteL += r.waterOffsiteL;
    totals.measuredRecords += r.isMeasured ? 1 : 0;
    bases.add(r.basis);
  }
  const [only] = bases;
  totals.basis = bases.size === 0 ? 'none' : bases.size === 1 && only ? only : 'mixed';
  return totals;
}
