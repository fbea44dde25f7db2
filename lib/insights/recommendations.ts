import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import {
  compressionCandidates,
  hardwareCandidates,
  placementCandidates,
  type TCandidate,
} from './recommendation-candidates';
import type { TRecommendation, TScopedRecord } from './recommendation-types';
import { rightSizingRecommendations } from './right-size-models';
import { runScenario } from './run-scenario';
import { engineTotals } from './totals';
import type { TInsightInputs } from './types';

/** AI-service usage for the right-sizing suggestions (lib/insights/right-size-models.ts); absent = none. */
export type TRightSizingInput = {
  selections: Parameters<typeof rightSizingRecommendations>[0];
  models: Parameters<typeof rightSizingRecommendations>[1];
  siteOf: Parameters<typeof rightSizingRecommendations>[2];
};

/** Below this annual saving (kg CO2e) or this fraction of the scope's emissions, a suggestion is noise. */
const MIN_SAVED_KG = 10;
const MIN_SAVED_FRACTION = 0.05;

/**
 * Ranked Green-AI recommendations for the records of the last 12 months (the caller selects them, so the sums are
 * per year): placement (region, time), hardware and quantisation candidates, each measured with the same scenario
 * calculators as the what-if panel, ranked by location-based kg CO2e saved. Overlapping suggestions are not additive.
 */
export function buildRecommendations(
  records: readonly TScopedRecord[],
  inputs: TInsightInputs,
  ai?: TRightSizingInput,
): TRecommendation[] {
  const library = ensureIndexed(inputs.library);
  const ins = { ...inputs, library };
  const totalKg = engineTotals(
    records.map((r) => r.input),
    ins,
  ).locationKgCo2e;
  const candidates: TCandidate[] = [
    ...placementCandidates(records, library, inputs.settings),
    ...hardwareCandidates(records, library),
    ...compressionCandidates(records),
  ];
  const out: TRecommendation[] = [];
  for (const c of candidates) {
    const result = runScenario(
      c.records.map((r) => r.input),
      c.scenario,
      ins,
    );
    const saved = -result.delta.locationKgCo2e;
    if (
      result.affectedRecords === 0 ||
      saved < MIN_SAVED_KG ||
      saved < MIN_SAVED_FRACTION * result.baseline.locationKgCo2e
    ) {
      continue;
    }
    out.push({
      key: c.key,
      kind: c.scenario.kind,
      title: c.title,
      scope: c.scope,
      scenario: c.scenario,
      annualSavedKgCo2e: saved,
      annualSavedMarketKgCo2e: -result.delta.marketKgCo2e,
      shareOfTotal: totalKg > 0 ? saved / totalKg : 0,
      annualSavedEnergyKwh: -result.delta.energyKwh,
      annualSavedWaterL: -result.delta.waterL,
      annualSavedCost: -result.delta.electricityCost,
      currency: result.currency,
      savedRangeKgCo2e: result.deltaRange
        ? { low: -result.deltaRange.low.locationKgCo2e, high: -result.deltaRange.high.locationKgCo2e }
        : null,
      confidence: result.confidence,
      label: result.label,
      assumptions: result.assumptions,
      sources: result.sources,
    });
  }
  if (ai) {
    out.push(...rightSizingRecommendations(ai.selections, ai.models, ai.siteOf, ins, totalKg));
  }
  return out.sort((a, b) => b.annualSavedKgCo2e - a.annualSavedKgCo2e || a.key.localeCompare(b.key));
}
