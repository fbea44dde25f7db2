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

/** Display names of the EcoLogits provider profiles (never the profile code in the interface). */
export const ECOLOGITS_PROVIDER_LABELS: Record<TLlmModel['provider'], string> = {
  anthropic: 'Anthropic',
  cohere: 'Cohere',
  google_genai: 'Google',
  huggingface_hub: 'Hugging Face',
  mistralai: 'Mistral AI',
  openai: 'OpenAI',
};

export interface TLlmModelPage {
  models: TLlmModel[];
  /** Models matching the search (all pages). */
  matching: number;
  /** 1-based page shown (clamped to the pages there are). */
  page: number;
  pages: number;
}

/**
 * One page of the repository's models whose name or provider contains `query` (case-insensitive, separators
 * ignored: "gpt4o" finds gpt-4o). Pure.
 */
export function pageLlmModels(
  models: readonly TLlmModel[],
  query: string | null,
  page: number,
  pageSize: number,
): TLlmModelPage {
  const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const wanted = query ? squash(query) : '';
  const matching = wanted
    ? models.filter((m) => squash(`${m.name} ${ECOLOGITS_PROVIDER_LABELS[m.provider]}`).includes(wanted))
    : models;
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const shown = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return {
    models: matching.slice((shown - 1) * pageSize, shown * pageSize),
    matching: matching.length,
    page: shown,
    pages,
  };
}
