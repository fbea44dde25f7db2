import type { TElectricityMix } from './estimate-llm-impacts';
import type { TValueRange } from './value-range';

/** EcoLogits provider profiles (reference/ecologits/providers.csv). */
export type TEcologitsProvider =
  | 'anthropic'
  | 'cohere'
  | 'google_genai'
  | 'huggingface_hub'
  | 'mistralai'
  | 'openai';

/** One model of the repository (reference/ecologits/models.json), parameters in billions. */
export interface TLlmModel {
  provider: TEcologitsProvider;
  name: string;
  architecture: 'dense' | 'moe';
  activeParamsB: TValueRange;
  totalParamsB: TValueRange;
  /** `model-arch-not-released`: the size is an estimate (leaks, benchmark parity, prices), not a disclosure. */
  sizeEstimated: boolean;
  multimodal: boolean;
  sources: string[];
}

/** Data-centre assumptions of a provider profile. */
export interface TLlmProviderProfile {
  provider: TEcologitsProvider;
  pue: TValueRange;
  wueOnsiteLPerKwh: TValueRange;
  /** ISO 3166-1 alpha-3 zone of `electricityMixes`, or WOR. */
  defaultZone: string;
}

/** A provider name accepted in AI-usage rows (reference/ai-services/providers.csv). */
export interface TAiServiceProvider {
  provider: string;
  label: string;
  /** null: the profile comes from the model (Bedrock: the vendor prefix of the model id). */
  ecologitsProvider: TEcologitsProvider | null;
}

/** Everything the AI-services estimate reads, loaded once from reference/ecologits and reference/ai-services. */
export interface TLlmModelRepository {
  ecologitsVersion: string;
  /** Key `${provider}/${name}` (lower case) → model, upstream aliases and our own included. */
  models: Map<string, TLlmModel>;
  /** Lower-case name → models of every provider with that name (lookups without a provider). */
  byName: Map<string, TLlmModel[]>;
  profiles: Map<TEcologitsProvider, TLlmProviderProfile>;
  electricityMixes: Map<string, TElectricityMix>;
  serviceProviders: Map<string, TAiServiceProvider>;
}
