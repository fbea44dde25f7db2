import type { TLlmModel, TLlmModelRepository } from './llm-model-types';

/**
 * The repository's models, each once (the `models` map also holds every alias name under its target's entry),
 * by provider then name. Pure.
 */
export function listLlmModels(repository: TLlmModelRepository): TLlmModel[] {
  const seen = new Map<string, TLlmModel>();
  for (const model of repository.models.values()) {
    seen.set(`${model.provider}/${model.name}`, model);
  }
  return [...seen.values()].sort(
    (a, b) => a.provider.localeCompare(b.provider) || a.name.localeCompare(b.name),
  );
}
