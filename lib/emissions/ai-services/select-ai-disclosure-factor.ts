import type { TAiServiceFootprint, TAiServiceSite, TAiServiceUsage } from './estimate-ai-service-usage';
import { midpoint } from './value-range';

/**
 * What a published per-request figure counts (reference/llm-disclosures/disclosures.csv `boundary`, normalised):
 * `accelerator` (GPU/TPU only: ML.ENERGY, AI Energy Score), `facility` (accelerator + host + PUE: the EcoLogits
 * energy boundary), `facility+idle` (also idle provisioned machines: Google's "comprehensive approach"),
 * `lifecycle` (manufacturing included: Mistral's LCA).
 */
export type TAiDisclosureBoundary = 'accelerator' | 'facility' | 'facility+idle' | 'lifecycle';

/** An organisation's chosen provider disclosure, used as an AI-service energy factor. */
export interface TAiDisclosureFactor {
  id: string;
  /** Provider name of reference/ai-services/providers.csv. */
  provider: string;
  /** Repository model name it applies to, or '*' for every model of the provider. */
  model: string;
  metric: 'energy_per_request_wh' | 'energy_per_output_token_wh';
  value: number;
  boundary: TAiDisclosureBoundary;
  /** Citation (publisher, document, date). */
  source: string;
  /** Period the figure describes (ISO dates, inclusive start, exclusive end); null = open. */
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Boundaries a disclosure may have to replace the model's facility energy: the same boundary, or one that also
 * counts idle provisioned capacity (a conservative superset). Accelerator-only figures would under-count the
 * host and PUE; life-cycle figures include manufacturing, which the embodied share already counts.
 */
export const ENERGY_BOUNDARIES_ACCEPTED: readonly TAiDisclosureBoundary[] = ['facility', 'facility+idle'];

export type TAiDisclosureChoice =
  | { kind: 'factor'; factor: TAiDisclosureFactor }
  | { kind: 'none'; reasons: string[] };

/**
 * The organisation's disclosure factor that wins over the model estimate for one usage row: same provider, the
 * row's model or '*', valid for the row's period start, an accepted boundary, and a metric the row can use
 * (per request needs a request count). A model-specific factor beats a provider-wide one, then the latest
 * `validFrom`. `reasons` say why each candidate was set aside. Pure.
 */
export function selectAiDisclosureFactor(
  factors: readonly TAiDisclosureFactor[],
  row: { provider: string | null; model: string; periodStart: string; requests: number | null },
): TAiDisclosureChoice {
  const reasons: string[] = [];
  const day = row.periodStart.slice(0, 10);
  const usable = factors.filter((f) => {
    if (f.provider !== row.provider || (f.model !== '*' && f.model !== row.model)) {
      return false;
    }
    if ((f.validFrom !== null && day < f.validFrom) || (f.validTo !== null && day >= f.validTo)) {
      reasons.push(`${f.id}: describes ${f.validFrom ?? '…'} – ${f.validTo ?? '…'}, not ${day}`);
      return false;
    }
    if (!ENERGY_BOUNDARIES_ACCEPTED.includes(f.boundary)) {
      reasons.push(`${f.id}: boundary ${f.boundary} does not match the facility energy of the estimate`);
      return false;
    }
    if (f.metric === 'energy_per_request_wh' && row.requests === null) {
      reasons.push(`${f.id}: per-request figure, but the export has no request counts`);
      return false;
    }
    return true;
  });
  const best = usable.sort(
    (a, b) =>
      Number(b.model !== '*') - Number(a.model !== '*') ||
      (b.validFrom ?? '').localeCompare(a.validFrom ?? ''),
  )[0];
  return best ? { kind: 'factor', factor: best } : { kind: 'none', reasons };
}

/**
 * Replaces the model's facility energy by the disclosure's (Wh per request or per output token) and recomputes
 * what follows from energy with the same site: operational CO2e (energy × mix), on-site and off-site water.
 * The embodied share stays the model's (the accepted boundaries exclude manufacturing). The range collapses to
 * the published point value. Pure.
 */
export function applyAiDisclosureFactor(
  footprint: TAiServiceFootprint,
  factor: TAiDisclosureFactor,
  usage: TAiServiceUsage,
  site: TAiServiceSite,
): TAiServiceFootprint {
  const count = factor.metric === 'energy_per_request_wh' ? (usage.requests ?? 0) : usage.outputTokens;
  const energyKwh = (factor.value * count) / 1000;
  const pue = midpoint(site.pue);
  const usageKgCo2e = energyKwh * site.mix.gwpKgPerKwh;
  const waterOnsiteL = energyKwh * midpoint(site.wueOnsiteLPerKwh);
  // The same water form as the model estimate (EcoLogits code: off-site water on PUE × facility energy).
  const waterOffsiteL = energyKwh * pue * site.mix.wueOffsiteLPerKwh;
  const totalKgCo2e = usageKgCo2e + footprint.embodiedKgCo2e;
  return {
    ...footprint,
    energyKwh,
    energyKwhRange: { min: energyKwh, max: energyKwh },
    itEnergyKwh: energyKwh / pue,
    usageKgCo2e,
    totalKgCo2e,
    totalKgCo2eRange: { min: totalKgCo2e, max: totalKgCo2e },
    waterOnsiteL,
    waterOffsiteL,
    waterLRange: { min: waterOnsiteL + waterOffsiteL, max: waterOnsiteL + waterOffsiteL },
    flags: [...footprint.flags.filter((f) => f !== 'AI_LATENCY_UNKNOWN'), 'AI_DISCLOSURE_FACTOR'],
  };
}
