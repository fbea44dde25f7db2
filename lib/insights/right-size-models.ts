import type { TAiServiceSite } from '@/lib/emissions/ai-services/estimate-ai-service-usage';
import type { TLlmModel } from '@/lib/emissions/ai-services/llm-model-types';
import { midpoint } from '@/lib/emissions/ai-services/value-range';
import type { TRecommendation } from './recommendation-types';
import { switchModelScenario, type TAiUsageSelection } from './switch-model';
import type { TInsightInputs } from './types';

/**
 * A model is "large" from 70 billion active parameters (midpoint of the repository's range): the size of the
 * largest widely used open dense models (Llama 3.1/3.3 70B); gpt-4o (44–132 B) and Claude Sonnet (44–132 B)
 * are large, gpt-4o-mini (8–28 B) and Claude Haiku 4.5 (10–35 B) are not (docs/decisions/ai-services.md).
 */
export const LARGE_MODEL_ACTIVE_PARAMS_B = 70;
/** Right-sizing is suggested when at least half of the organisation's AI output tokens go to large models. */
export const LARGE_MODEL_TOKEN_SHARE = 0.5;

export const isLargeModel = (model: TLlmModel) =>
  midpoint(model.activeParamsB) >= LARGE_MODEL_ACTIVE_PARAMS_B;

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) {
    i += 1;
  }
  return i;
}

/** Special-purpose variants (speech, realtime, search, embeddings…) are not a substitute for a chat model. */
const SPECIAL_PURPOSE = /(tts|audio|realtime|transcribe|search|embed|image|moderation)/;

/**
 * The smaller model of the same provider to suggest, among its general-purpose models under the threshold: the
 * shortest name extending the current one (gpt-4o → gpt-4o-mini, not gpt-4o-mini-2024-07-18), else the one
 * sharing the longest name prefix (same family), ties to the later name (newer versions sort later:
 * claude-haiku-4-5 after claude-3-haiku). Null when the provider has no small model.
 */
export function smallerModelOf(model: TLlmModel, repositoryModels: readonly TLlmModel[]): TLlmModel | null {
  const small = repositoryModels.filter(
    (m) => m.provider === model.provider && !isLargeModel(m) && !SPECIAL_PURPOSE.test(m.name),
  );
  const extending = small.filter((m) => m.name.startsWith(model.name));
  if (extending.length > 0) {
    return (
      [...extending].sort((a, b) => a.name.length - b.name.length || a.name.localeCompare(b.name))[0] ?? null
    );
  }
  const prefix = (m: TLlmModel) => commonPrefix(m.name, model.name);
  return [...small].sort((a, b) => prefix(b) - prefix(a) || b.name.localeCompare(a.name))[0] ?? null;
}

/**
 * Right-sizing recommendations (issue #21): when ≥ 50 % of the organisation's AI output tokens over the 12 months
 * go to large models, each large model's usage is re-estimated on the provider's smaller model with the switch
 * what-if; the saving (with its range) is ranked with the other recommendations. `siteOf` gives the provider
 * profile the current model runs at; `totalKgCo2e` is the organisation's location-based total. Pure.
 */
export function rightSizingRecommendations(
  selections: readonly TAiUsageSelection[],
  repositoryModels: readonly TLlmModel[],
  siteOf: (model: TLlmModel) => TAiServiceSite | null,
  inputs: TInsightInputs,
  totalKgCo2e: number,
): TRecommendation[] {
  const allTokens = selections.reduce((s, x) => s + x.outputTokens, 0);
  const largeTokens = selections.filter((s) => isLargeModel(s.model)).reduce((s, x) => s + x.outputTokens, 0);
  if (allTokens <= 0 || largeTokens / allTokens < LARGE_MODEL_TOKEN_SHARE) {
    return [];
  }
  const share = largeTokens / allTokens;
  return selections.flatMap((selection) => {
    const target = isLargeModel(selection.model) ? smallerModelOf(selection.model, repositoryModels) : null;
    const site = siteOf(selection.model);
    if (!target || !site) {
      return [];
    }
    const r = switchModelScenario(selection, { kind: 'model', model: target, site }, inputs);
    const saved = -r.delta.locationKgCo2e;
    if (!(saved > 0)) {
      return [];
    }
    return [
      {
        key: `model:${selection.service}:${selection.model.name}:${target.name}`,
        kind: 'model' as const,
        title: `Route routine ${selection.model.name} requests to ${target.name}`,
        scope: {
          projectSlug: null,
          projectName: null,
          phases: ['inference'],
          provider: null,
          region: null,
          accelerator: null,
        },
        scenario: {
          kind: 'model' as const,
          service: selection.service,
          from: selection.model.name,
          to: target.name,
        },
        annualSavedKgCo2e: saved,
        annualSavedMarketKgCo2e: -r.delta.marketKgCo2e,
        shareOfTotal: totalKgCo2e > 0 ? saved / totalKgCo2e : 0,
        annualSavedEnergyKwh: -r.delta.energyKwh,
        annualSavedWaterL: -r.delta.waterL,
        annualSavedCost: 0,
        // Token prices are not in our data: no cost line rather than a guess.
        currency: null,
        savedRangeKgCo2e: r.deltaRange
          ? { low: -r.deltaRange.low.locationKgCo2e, high: -r.deltaRange.high.locationKgCo2e }
          : null,
        confidence: r.confidence,
        label: r.label,
        assumptions: [
          `${Math.round(share * 100)} % of the organisation's AI output tokens go to models of ${LARGE_MODEL_ACTIVE_PARAMS_B} B active parameters or more; the threshold for this suggestion is ${LARGE_MODEL_TOKEN_SHARE * 100} %.`,
          'All of this model’s usage is moved; routing only the routine share saves proportionally less. Answer quality is not modelled: test the smaller model on your tasks first.',
          'The cost change is not estimated: token prices are not in our data (enter them in the switch-model what-if).',
          ...r.assumptions,
        ],
        sources: r.sources,
      },
    ];
  });
}
