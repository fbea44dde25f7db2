import { ECOLOGITS_VERSION } from '@/lib/emissions/ai-services/ecologits-constants';
import type { TElectricityMix } from '@/lib/emissions/ai-services/estimate-llm-impacts';
import type {
  TAiServiceProvider,
  TEcologitsProvider,
  TLlmModel,
  TLlmModelRepository,
  TLlmProviderProfile,
} from '@/lib/emissions/ai-services/llm-model-types';
import { type TValueRange, toRange } from '@/lib/emissions/ai-services/value-range';
import { csvRows, numberOrNull } from './csv-rows';

/** The text of the bundled files (reference/ecologits and reference/ai-services), read by the caller. */
export interface TLlmRepositoryFiles {
  modelsJson: string;
  electricityMixesCsv: string;
  providersCsv: string;
  serviceProvidersCsv: string;
  modelAliasesCsv: string;
}

const PROVIDERS: readonly TEcologitsProvider[] = [
  'anthropic',
  'cohere',
  'google_genai',
  'huggingface_hub',
  'mistralai',
  'openai',
];

type TRawParams = number | TValueRange;
interface TRawModel {
  type: 'model';
  provider: string;
  name: string;
  architecture: {
    type: 'dense' | 'moe';
    parameters: TRawParams | { total: TRawParams; active: TRawParams };
  };
  warnings: string[] | null;
  sources?: string[];
}
interface TRawAlias {
  provider: string;
  name: string;
  alias: string;
}

function asProvider(value: string, where: string): TEcologitsProvider {
  if (!(PROVIDERS as readonly string[]).includes(value)) {
    throw new Error(`${where}: unknown EcoLogits provider "${value}"`);
  }
  return value as TEcologitsProvider;
}

function required(value: number | null, where: string): number {
  if (value === null) {
    throw new Error(`${where}: missing number`);
  }
  return value;
}

function toModel(raw: TRawModel): TLlmModel {
  const params = raw.architecture.parameters;
  const split = typeof params === 'object' && 'total' in params;
  const total = toRange(split ? params.total : params);
  const active = toRange(split ? params.active : params);
  const warnings = raw.warnings ?? [];
  return {
    provider: asProvider(raw.provider, `models.json ${raw.name}`),
    name: raw.name,
    architecture: raw.architecture.type,
    activeParamsB: active,
    totalParamsB: total,
    sizeEstimated: warnings.includes('model-arch-not-released'),
    multimodal: warnings.includes('model-arch-multimodal'),
    sources: raw.sources ?? [],
  };
}

export const modelKey = (provider: string, name: string) => `${provider}/${name.toLowerCase()}`;

/**
 * Builds the model repository from the unmodified EcoLogits files plus AI Footprint's own aliases and provider
 * names. Upstream aliases and ours resolve to the same model record (same parameters and warnings). Pure; throws
 * on a malformed bundled file (the library must not load half of it).
 */
export function parseLlmModelRepository(files: TLlmRepositoryFiles): TLlmModelRepository {
  const parsed = JSON.parse(files.modelsJson) as { models: TRawModel[]; aliases: TRawAlias[] };
  const models = new Map<string, TLlmModel>();
  for (const raw of parsed.models) {
    const model = toModel(raw);
    models.set(modelKey(model.provider, model.name), model);
  }
  const aliasRows: TRawAlias[] = [
    ...parsed.aliases,
    ...csvRows(files.modelAliasesCsv).map((r) => ({
      provider: r.ecologits_provider ?? '',
      name: r.alias ?? '',
      alias: r.model ?? '',
    })),
  ];
  for (const alias of aliasRows) {
    const target = models.get(modelKey(alias.provider, alias.alias));
    if (!target) {
      throw new Error(`model alias ${alias.provider}/${alias.name}: no model "${alias.alias}"`);
    }
    models.set(modelKey(alias.provider, alias.name), { ...target, name: target.name });
  }
  const byName = new Map<string, TLlmModel[]>();
  for (const [key, model] of models) {
    const name = key.slice(key.indexOf('/') + 1);
    byName.set(name, [...(byName.get(name) ?? []), model]);
  }
  const profiles = new Map<TEcologitsProvider, TLlmProviderProfile>();
  for (const row of csvRows(files.providersCsv)) {
    const provider = asProvider(row.provider ?? '', 'providers.csv');
    const where = `providers.csv ${provider}`;
    profiles.set(provider, {
      provider,
      pue: {
        min: required(numberOrNull(row.pue_min), where),
        max: required(numberOrNull(row.pue_max), where),
      },
      wueOnsiteLPerKwh: {
        min: required(numberOrNull(row.wue_onsite_l_per_kwh_min), where),
        max: required(numberOrNull(row.wue_onsite_l_per_kwh_max), where),
      },
      defaultZone: row.default_zone || 'WOR',
    });
  }
  const electricityMixes = new Map<string, TElectricityMix>();
  for (const row of csvRows(files.electricityMixesCsv)) {
    const where = `electricity_mixes.csv ${row.name}`;
    electricityMixes.set(row.name ?? '', {
      gwpKgPerKwh: required(numberOrNull(row.gwp), where),
      adpeKgSbPerKwh: required(numberOrNull(row.adpe), where),
      peMjPerKwh: required(numberOrNull(row.pe), where),
      wueOffsiteLPerKwh: required(numberOrNull(row.wue), where),
    });
  }
  const serviceProviders = new Map<string, TAiServiceProvider>();
  for (const row of csvRows(files.serviceProvidersCsv)) {
    const provider = row.provider ?? '';
    serviceProviders.set(provider, {
      provider,
      label: row.label ?? provider,
      ecologitsProvider: row.ecologits_provider
        ? asProvider(row.ecologits_provider, `ai-services/providers.csv ${provider}`)
        : null,
    });
  }
  return {
    ecologitsVersion: ECOLOGITS_VERSION,
    models,
    byName,
    profiles,
    electricityMixes,
    serviceProviders,
  };
}
