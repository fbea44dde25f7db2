import { parseLlmModelRepository } from '@/lib/factors/parse-llm-model-repository';
import type { TLlmModelRepository } from '../ai-services/llm-model-types';

/** A model of models.json as tests write it (EcoLogits' format: parameters a number or {min, max} / MoE object). */
export interface TTestModel {
  provider: string;
  name: string;
  architecture: { type: 'dense' | 'moe'; parameters: unknown };
  warnings: string[] | null;
}

/**
 * A small model repository in the bundled files' formats, for unit tests: the given models, mixes and provider
 * profiles (CSV bodies without their header lines) and our service list.
 */
export function smallLlmRepository(files: {
  models: TTestModel[];
  mixes: string;
  profiles: string;
  services: string;
}): TLlmModelRepository {
  return parseLlmModelRepository({
    modelsJson: JSON.stringify({ aliases: [], models: files.models.map((m) => ({ type: 'model', ...m })) }),
    electricityMixesCsv: `name,adpe,pe,gwp,wue\n${files.mixes}`,
    providersCsv: `provider,default_zone,pue_min,pue_max,wue_onsite_l_per_kwh_min,wue_onsite_l_per_kwh_max\n${files.profiles}`,
    serviceProvidersCsv: `provider,label,ecologits_provider\n${files.services}`,
    modelAliasesCsv: 'ecologits_provider,alias,model,reason\n',
  });
}
