import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  listLlmModels,
  pageLlmModels,
  type TLlmModelPage,
} from '@/lib/emissions/ai-services/list-llm-models';
import { getLlmModelRepository } from './llm-model-repository-cache';
import { DEFAULT_REFERENCE_DIR } from './load-bundled-factor-library';

/** Models shown per page of the Factors page's model repository table. */
export const LLM_MODELS_PER_PAGE = 25;

/** The bundled model repository's version and one searched page of its models (the Factors page). */
export function findLlmModelPage(
  query: string | null,
  page: number,
): TLlmModelPage & { ecologitsVersion: string; total: number } {
  const repository = getLlmModelRepository();
  const models = listLlmModels(repository);
  return {
    ecologitsVersion: repository.ecologitsVersion,
    total: models.length,
    ...pageLlmModels(models, query, page, LLM_MODELS_PER_PAGE),
  };
}

/** The MPL-2.0 text shipped with the EcoLogits files (reference/ecologits/LICENSE), read once per process. */
let licenceText: string | null = null;
export function readEcologitsLicence(): string {
  licenceText ??= readFileSync(path.join(DEFAULT_REFERENCE_DIR, 'ecologits', 'LICENSE'), 'utf8');
  return licenceText;
}
