import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { scaleWork } from './scale-work';
import { engineTotals, runEngine, subtractTotals, totalsOf } from './totals';
import type { TInsightInputs, TRecords, TScenarioTotals } from './types';

/** Remaining share of IT work/energy (0..1): central, and the smallest/largest saving of the documented range. */
export interface TRemainingShare {
  central: number;
  /** Remaining share at the smallest saving (largest remaining). */
  lowSaving: number;
  /** Remaining share at the largest saving. */
  highSaving: number;
}

export interface TScaledEstimate {
  baseline: TScenarioTotals;
  scenario: TScenarioTotals;
  delta: TScenarioTotals;
  deltaRange: { low: TScenarioTotals; high: TScenarioTotals };
  affectedRecords: number;
}

/**
 * Applies a remaining-work share to the records `applies` selects and reruns the engine three times (central,
 * smallest and largest saving). Used by literature-range estimates (quantisation, distillation, reuse).
 */
export function scaledEstimate(
  records: TRecords,
  inputs: TInsightInputs,
  applies: (record: TUsageRecordInput) => boolean,
  share: TRemainingShare,
): TScaledEstimate {
  const footprints = runEngine(records, inputs);
  const baseline = totalsOf(footprints, inputs.electricityPricePerKwh);
  const scaled = (factor: number) =>
    engineTotals(
      records.map((r, i) => {
        const fp = footprints[i];
        return fp && applies(r) ? scaleWork(r, fp, factor) : r;
      }),
      inputs,
    );
  const scenario = scaled(share.central);
  return {
    baseline,
    scenario,
    delta: subtractTotals(scenario, baseline),
    deltaRange: {
      low: subtractTotals(scaled(share.lowSaving), baseline),
      high: subtractTotals(scaled(share.highSaving), baseline),
    },
    affectedRecords: records.filter(applies).length,
  };
}
