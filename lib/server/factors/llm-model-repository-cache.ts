import 'server-only';
import type { TLlmModelRepository } from '@/lib/emissions/ai-services/llm-model-types';
import { DEFAULT_REFERENCE_DIR } from './load-bundled-factor-library';
import { loadLlmModelRepository } from './load-llm-model-repository';

const cache: { repository: TLlmModelRepository | null } = { repository: null };

/** The bundled EcoLogits model repository and our service list, read once per process (bundled files). */
export function getLlmModelRepository(): TLlmModelRepository {
  cache.repository ??= loadLlmModelRepository(DEFAULT_REFERENCE_DIR);
  return cache.repository;
}
