import type { TAiServiceFlag } from './ai-service-flags';
import {
  estimateAiServiceUsage,
  providerSite,
  type TAiModelSize,
  type TAiServiceFootprint,
  type TAiServiceSite,
} from './estimate-ai-service-usage';
import type { TEcologitsProvider, TLlmModelRepository } from './llm-model-types';
import { findModelInDescription, resolveLlmModel, unknownModelQuestion } from './resolve-llm-model';
import { fixedRange } from './value-range';

/** How a row's model is looked up: an exact name (with a provider), or a repository name inside a billing text. */
export type TAiModelLookup =
  | { kind: 'name'; provider: string | null; name: string }
  | { kind: 'description'; provider: string | null };

/**
 * Per-row overrides (the AI usage template): a model size instead of a repository model ("a model of N billion
 * parameters"), site factors instead of a provider profile, or an EcoLogits mix zone (ISO alpha-3 or WOR).
 */
export interface TAiRowOverrides {
  activeParamsB?: number;
  totalParamsB?: number;
  pue?: number;
  wueOnsiteLPerKwh?: number;
  /** kg CO2e per kWh of the electricity mix. */
  gridKgCo2ePerKwh?: number;
  /** Off-site water of the electricity mix, L per kWh. */
  gridWaterLPerKwh?: number;
  zone?: string;
}

/** What the estimate reads of a normalised usage row (`TAiUsageRow` of lib/ingest/ai-usage satisfies it). */
export interface TAiUsageEstimateRow {
  line: number;
  provider: string | null;
  modelRaw: string;
  modelLookup: TAiModelLookup;
  inputTokens: number;
  outputTokens: number;
  requests: number | null;
  meanLatencyS: number | null;
  region: string | null;
  quantityBasis: 'metered' | 'priced';
  overrides?: TAiRowOverrides;
}

export type TAiUsageRowEstimate =
  | { ok: true; line: number; model: string; footprint: TAiServiceFootprint }
  | { ok: false; line: number; column: string; message: string };

/** Electricity-mix zone (ISO alpha-3) of a cloud region, when the caller can resolve one; null otherwise. */
export type TZoneOfRegion = (provider: string | null, region: string) => string | null;

function profileOf(repository: TLlmModelRepository, provider: string | null): TEcologitsProvider | null {
  if (provider === null) {
    return null;
  }
  const service = repository.serviceProviders.get(provider);
  return service ? service.ecologitsProvider : (provider as TEcologitsProvider);
}

function modelOf(
  repository: TLlmModelRepository,
  row: TAiUsageEstimateRow,
):
  | { model: TAiModelSize & { provider: TEcologitsProvider | null; name: string } }
  | { column: string; message: string } {
  const o = row.overrides;
  if (o?.activeParamsB !== undefined) {
    return {
      model: {
        provider: profileOf(repository, row.provider),
        name: row.modelRaw || `${o.activeParamsB}B`,
        activeParamsB: fixedRange(o.activeParamsB),
        totalParamsB: fixedRange(o.totalParamsB ?? o.activeParamsB),
        sizeEstimated: false,
        multimodal: false,
        userGiven: true,
      },
    };
  }
  const lookup = row.modelLookup;
  if (lookup.kind === 'description') {
    const found = findModelInDescription(repository, row.modelRaw, profileOf(repository, lookup.provider));
    return found
      ? { model: found }
      : {
          column: 'model',
          message: `no model of the repository is named in "${row.modelRaw}"; ${unknownModelQuestion(row.provider ?? 'billing export', row.modelRaw, repository.ecologitsVersion).replace(/^model "[^"]*" \([^)]*\) /, 'this SKU ')}`,
        };
  }
  const resolved = resolveLlmModel(repository, lookup.provider, lookup.name);
  if (resolved.kind === 'model') {
    return { model: resolved.model };
  }
  return { column: resolved.kind === 'unknown-provider' ? 'provider' : 'model', message: resolved.message };
}

/** The flags of a row's stated site overrides ("stated PUE", …), so every override shows on the record. */
function statedFlagsOf(o: TAiRowOverrides): TAiServiceFlag[] {
  const flags: TAiServiceFlag[] = [];
  if (o.pue !== undefined) {
    flags.push('AI_PUE_STATED');
  }
  if (o.wueOnsiteLPerKwh !== undefined) {
    flags.push('AI_WUE_STATED');
  }
  if (o.zone !== undefined) {
    flags.push('AI_MIX_ZONE_STATED');
  }
  if (o.gridKgCo2ePerKwh !== undefined || o.gridWaterLPerKwh !== undefined) {
    flags.push('AI_GRID_MIX_STATED');
  }
  return flags;
}

/**
 * Estimates one normalised usage row: the model from the repository (exact name, or named in a billing
 * description) or the row's own size; the site from the model's provider profile, the row's region when
 * `zoneOfRegion` maps it to a mix zone, and the row's overrides (PUE, WUE, mix). A row that cannot be estimated
 * (unknown provider or model, no site) is an error naming the column, never a default. Pure.
 */
export function estimateAiUsageRow(
  repository: TLlmModelRepository,
  row: TAiUsageEstimateRow,
  zoneOfRegion: TZoneOfRegion = () => null,
): TAiUsageRowEstimate {
  const line = row.line;
  if (row.provider !== null && !repository.serviceProviders.has(row.provider)) {
    const known = [...repository.serviceProviders.keys()].join(', ');
    return {
      ok: false,
      line,
      column: 'provider',
      message: `unknown provider "${row.provider}"; use one of ${known}`,
    };
  }
  const found = modelOf(repository, row);
  if (!('model' in found)) {
    return { ok: false, line, ...found };
  }
  const { model } = found;
  const o = row.overrides ?? {};
  const profile = model.provider ? repository.profiles.get(model.provider) : undefined;
  const zone = o.zone ?? (row.region ? zoneOfRegion(row.provider, row.region) : null);
  if (zone !== null && !repository.electricityMixes.has(zone)) {
    const codes = [...repository.electricityMixes.keys()].join(', ');
    return {
      ok: false,
      line,
      column: 'zone',
      message: `zone "${zone}" has no electricity mix; use one of ${codes}`,
    };
  }
  const base: TAiServiceSite | null = profile
    ? providerSite(profile, repository.electricityMixes, zone)
    : null;
  const mix = zone ? repository.electricityMixes.get(zone) : base?.mix;
  const pue = o.pue !== undefined ? fixedRange(o.pue) : base?.pue;
  const wue = o.wueOnsiteLPerKwh !== undefined ? fixedRange(o.wueOnsiteLPerKwh) : base?.wueOnsiteLPerKwh;
  const gwp = o.gridKgCo2ePerKwh ?? mix?.gwpKgPerKwh;
  const water = o.gridWaterLPerKwh ?? mix?.wueOffsiteLPerKwh;
  if (!pue || !wue || gwp === undefined || water === undefined) {
    return {
      ok: false,
      line,
      column: 'provider',
      message:
        'no provider profile for this row: give a known provider, or the site: pue, wue_onsite_l_per_kwh and a zone or grid_kg_co2e_per_kwh and grid_water_l_per_kwh (API: pue, wueOnsiteLPerKwh, mixZone or gridKgCo2ePerKwh and gridWaterLPerKwh)',
    };
  }
  const ownMix = o.gridKgCo2ePerKwh !== undefined || o.gridWaterLPerKwh !== undefined;
  const site: TAiServiceSite = {
    pue,
    wueOnsiteLPerKwh: wue,
    zone: ownMix ? null : (zone ?? base?.zone ?? null),
    mix: {
      gwpKgPerKwh: gwp,
      wueOffsiteLPerKwh: water,
      adpeKgSbPerKwh: mix?.adpeKgSbPerKwh ?? 0,
      peMjPerKwh: mix?.peMjPerKwh ?? 0,
    },
    zoneIsProviderDefault: !ownMix && zone === null,
  };
  const footprint = estimateAiServiceUsage(
    {
      outputTokens: row.outputTokens,
      inputTokens: row.inputTokens,
      requests: row.requests,
      meanLatencyS: row.meanLatencyS,
    },
    model,
    site,
  );
  footprint.flags.push(...statedFlagsOf(o));
  if (row.quantityBasis === 'priced') {
    footprint.flags.push('AI_PRICED_QUANTITY');
  }
  return { ok: true, line, model: model.name, footprint };
}
