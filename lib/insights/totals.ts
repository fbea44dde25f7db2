import { computeFootprints } from '@/lib/emissions/compute-footprints';
import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import type { TInsightInputs, TRecords, TScenarioTotals } from './types';

export const ZERO_TOTALS: Readonly<TScenarioTotals> = Object.freeze({
  energyKwh: 0,
  locationKgCo2e: 0,
  marketKgCo2e: 0,
  embodiedKgCo2e: 0,
  waterL: 0,
  electricityCost: 0,
});

/** Sums engine results into scenario totals; cost = facility kWh × price. */
export function totalsOf(footprints: readonly RecordFootprint[], pricePerKwh: number): TScenarioTotals {
  const t = { ...ZERO_TOTALS };
  for (const f of footprints) {
    t.energyKwh += f.energyKwh;
    t.locationKgCo2e += f.locationKgCo2e;
    t.marketKgCo2e += f.marketKgCo2e;
    t.embodiedKgCo2e += f.embodiedKgCo2e;
    t.waterL += f.waterOnsiteL + f.waterOffsiteL;
  }
  t.electricityCost = t.energyKwh * pricePerKwh;
  return t;
}

/** a − b, field by field. */
export function subtractTotals(a: TScenarioTotals, b: TScenarioTotals): TScenarioTotals {
  return {
    energyKwh: a.energyKwh - b.energyKwh,
    locationKgCo2e: a.locationKgCo2e - b.locationKgCo2e,
    marketKgCo2e: a.marketKgCo2e - b.marketKgCo2e,
    embodiedKgCo2e: a.embodiedKgCo2e - b.embodiedKgCo2e,
    waterL: a.waterL - b.waterL,
    electricityCost: a.electricityCost - b.electricityCost,
  };
}

/** Runs the engine on the records (contracts allocated across the whole set, as for stored records). */
export function runEngine(records: TRecords, inputs: TInsightInputs): RecordFootprint[] {
  return computeFootprints(records, ensureIndexed(inputs.library), inputs.settings, inputs.contracts);
}

/** Engine totals for a record set. */
export function engineTotals(records: TRecords, inputs: TInsightInputs): TScenarioTotals {
  return totalsOf(runEngine(records, inputs), inputs.electricityPricePerKwh);
}
