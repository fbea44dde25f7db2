import type { TAiServiceFlag } from './ai-service-flags';
import { ECOLOGITS_VERSION } from './ecologits-constants';
import { estimateLlmImpacts, type TElectricityMix, type TLlmImpacts } from './estimate-llm-impacts';
import type { TLlmProviderProfile } from './llm-model-types';
import { midpoint, type TValueRange } from './value-range';

/** Version label stored with every AI-service result (method + its upstream data version). */
export const AI_SERVICE_METHOD = `ecologits-${ECOLOGITS_VERSION}`;

/** The model a usage row resolved to: a repository record, or a size given by the user. Parameters in billions. */
export interface TAiModelSize {
  activeParamsB: TValueRange;
  totalParamsB: TValueRange;
  sizeEstimated: boolean;
  multimodal: boolean;
  /** True when the user gave the size ("a model of N billion parameters"). */
  userGiven?: boolean;
}

/** One row of AI-service usage (any period): tokens, requests, optional mean latency per request. */
export interface TAiServiceUsage {
  outputTokens: number;
  inputTokens?: number | null;
  requests?: number | null;
  /** Mean wall-clock latency of one request, s; caps generation time per request (EcoLogits). */
  meanLatencyS?: number | null;
}

/** Data-centre and grid inputs: a provider profile, with per-row overrides (the worked examples' test rows). */
export interface TAiServiceSite {
  pue: TValueRange;
  wueOnsiteLPerKwh: TValueRange;
  /** Zone the mix belongs to (ISO alpha-3 or WOR), or null when the row supplied its own mix. */
  zone: string | null;
  mix: TElectricityMix;
  /** True when the zone is the provider's default, not the row's region. */
  zoneIsProviderDefault: boolean;
}

/**
 * Result of an AI-service estimate, in the engine's units (kWh, kg CO2e, L). Central values are the midpoints of
 * the ranges. `locationIntensity` is the reference a location- or market-based recomputation starts from: the
 * facility energy times another grid factor replaces `usageKgCo2e` (the market-based allocation applies to
 * `energyKwh` like any record's).
 */
export interface TAiServiceFootprint {
  method: string;
  energyKwh: number;
  energyKwhRange: TValueRange;
  /** IT energy (before PUE): facility energy / PUE at the midpoint PUE. */
  itEnergyKwh: number;
  pue: TValueRange;
  gpuCount: [low: number, high: number];
  locationIntensity: {
    zone: string | null;
    gCo2ePerKwh: number;
    source: 'ecologits-electricity-mix' | 'row';
  };
  /** Usage (operational) kg CO2e with the EcoLogits mix of `locationIntensity`. */
  usageKgCo2e: number;
  /** Range of `usageKgCo2e` (min and max parameter runs of the method). */
  usageKgCo2eRange: TValueRange;
  embodiedKgCo2e: number;
  /** Range of `embodiedKgCo2e`. */
  embodiedKgCo2eRange: TValueRange;
  /** usage + embodied. */
  totalKgCo2e: number;
  totalKgCo2eRange: TValueRange;
  waterOnsiteL: number;
  waterOffsiteL: number;
  waterLRange: TValueRange;
  flags: TAiServiceFlag[];
  impacts: TLlmImpacts;
}

/**
 * Estimates a usage row by the EcoLogits 0.9.1 method. Without a latency (usage exports) every term is linear in
 * output tokens, so the row is one request of all its output tokens; with a mean latency and a request count the
 * estimate is per request (tokens / requests, capped by the latency) times the requests. Input tokens are not
 * counted (flagged). Pure.
 */
export function estimateAiServiceUsage(
  usage: TAiServiceUsage,
  model: TAiModelSize,
  site: TAiServiceSite,
): TAiServiceFootprint {
  const flags: TAiServiceFlag[] = [];
  if (model.sizeEstimated) {
    flags.push('AI_MODEL_SIZE_ESTIMATED');
  }
  if (model.multimodal) {
    flags.push('AI_MODEL_MULTIMODAL');
  }
  if (model.userGiven) {
    flags.push('AI_MODEL_SIZE_USER_GIVEN');
  }
  if ((usage.inputTokens ?? 0) > 0) {
    flags.push('AI_INPUT_TOKENS_NOT_COUNTED');
  }
  if (site.zoneIsProviderDefault) {
    flags.push('AI_LOCATION_PROVIDER_DEFAULT');
  }
  if (usage.outputTokens === 0) {
    flags.push('AI_NO_OUTPUT_TOKENS');
  }
  const requests = usage.requests ?? 0;
  const perRequest = usage.meanLatencyS != null && requests > 0;
  if (!perRequest) {
    flags.push('AI_LATENCY_UNKNOWN');
  }
  const impacts = estimateLlmImpacts({
    activeParamsB: model.activeParamsB,
    totalParamsB: model.totalParamsB,
    outputTokens: perRequest ? usage.outputTokens / requests : usage.outputTokens,
    requestLatencyS: perRequest ? (usage.meanLatencyS as number) : Number.POSITIVE_INFINITY,
    mix: site.mix,
    pue: site.pue,
    wueOnsiteLPerKwh: site.wueOnsiteLPerKwh,
  });
  const times = perRequest ? requests : 1;
  const scale = (r: TValueRange): TValueRange => ({ min: r.min * times, max: r.max * times });
  const energyKwhRange = scale(impacts.energyKwh);
  const energyKwh = midpoint(energyKwhRange);
  const usageKgCo2eRange = scale(impacts.usage.gwpKg);
  const embodiedKgCo2eRange = scale(impacts.embodied.gwpKg);
  const usageKgCo2e = midpoint(usageKgCo2eRange);
  const embodiedKgCo2e = midpoint(embodiedKgCo2eRange);
  const [low, high] = impacts.runs;
  return {
    method: AI_SERVICE_METHOD,
    energyKwh,
    energyKwhRange,
    itEnergyKwh: energyKwh / midpoint(site.pue),
    pue: site.pue,
    gpuCount: [low.gpuCount, high.gpuCount],
    locationIntensity: {
      zone: site.zone,
      gCo2ePerKwh: site.mix.gwpKgPerKwh * 1000,
      source: site.zone === null ? 'row' : 'ecologits-electricity-mix',
    },
    usageKgCo2e,
    usageKgCo2eRange,
    embodiedKgCo2e,
    embodiedKgCo2eRange,
    totalKgCo2e: usageKgCo2e + embodiedKgCo2e,
    totalKgCo2eRange: scale(impacts.gwpKg),
    waterOnsiteL: midpoint(scale(impacts.waterOnsiteL)),
    waterOffsiteL: midpoint(scale(impacts.waterOffsiteL)),
    waterLRange: scale(impacts.waterL),
    flags,
    impacts,
  };
}

/** The site of a provider profile: its PUE/WUE and default zone's mix (WOR when the zone has none). */
export function providerSite(
  profile: TLlmProviderProfile,
  mixes: ReadonlyMap<string, TElectricityMix>,
  zone: string | null = null,
): TAiServiceSite | null {
  const chosen = zone ?? profile.defaultZone;
  const mix = mixes.get(chosen);
  if (!mix) {
    return null;
  }
  return {
    pue: profile.pue,
    wueOnsiteLPerKwh: profile.wueOnsiteLPerKwh,
    zone: chosen,
    mix,
    zoneIsProviderDefault: zone === null,
  };
}
