import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TLlmModelRepository } from '@/lib/emissions/ai-services/llm-model-types';
import { parseLlmModelRepository } from '@/lib/factors/parse-llm-model-repository';

/**
 * Reads the EcoLogits model repository (reference/ecologits, MPL-2.0, unmodified) and AI Footprint's additions
 * (reference/ai-services) from `referenceDir`. Server and CLI only; the parsing is pure.
 */
export function loadLlmModelRepository(referenceDir: string): TLlmModelRepository {
  const read = (...parts: string[]) => readFileSync(path.join(referenceDir, ...parts), 'utf8');
  return parseLlmModelRepository({
    modelsJson: read('ecologits', 'models.json'),
    electricityMixesCsv: read('ecologits', 'electricity_mixes.csv'),
    providersCsv: read('ecologits', 'providers.csv'),
    serviceProvidersCsv: read('ai-services', 'providers.csv'),
    modelAliasesCsv: read('ai-services', 'model-aliases.csv'),
  });
}
