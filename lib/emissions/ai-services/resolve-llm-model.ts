import type { TEcologitsProvider, TLlmModel, TLlmModelRepository } from './llm-model-types';

/** Outcome of looking a provider's model name up in the repository; never an approximate match. */
export type TLlmModelResolution =
  | { kind: 'model'; model: TLlmModel }
  | { kind: 'unknown-provider'; message: string }
  | { kind: 'unknown-model'; message: string }
  | { kind: 'ambiguous'; message: string };

/** The question the user answers for a name the repository does not know (upload mapping step, CLI error). */
export function unknownModelQuestion(provider: string, name: string, ecologitsVersion: string): string {
  return `model "${name}" (${provider}) is not in the model repository (EcoLogits ${ecologitsVersion}); map it to a model of the repository or to "a model of N billion parameters" (active and total), or fix the name`;
}

/**
 * Resolves `(provider, model name)` of a usage row: the provider name of reference/ai-services/providers.csv (or
 * an EcoLogits provider), then the exact model name (case-insensitive) including upstream and our aliases. Without
 * a profile provider (Bedrock ids carry their vendor; billing rows may name none) the name must be unique across
 * providers. Pure.
 */
export function resolveLlmModel(
  repository: TLlmModelRepository,
  provider: string | null,
  name: string,
): TLlmModelResolution {
  const wanted = name.trim().toLowerCase();
  let profile: TEcologitsProvider | null = null;
  if (provider !== null) {
    const service = repository.serviceProviders.get(provider);
    if (service) {
      profile = service.ecologitsProvider;
    } else if (repository.profiles.has(provider as TEcologitsProvider)) {
      profile = provider as TEcologitsProvider;
    } else {
      const known = [...repository.serviceProviders.keys()].join(', ');
      return { kind: 'unknown-provider', message: `unknown provider "${provider}"; use one of ${known}` };
    }
  }
  const candidates = (repository.byName.get(wanted) ?? []).filter(
    (m) => profile === null || m.provider === profile,
  );
  const distinct = [...new Set(candidates.map((m) => m.provider))];
  const first = candidates[0];
  if (!first) {
    return {
      kind: 'unknown-model',
      message: unknownModelQuestion(provider ?? 'no provider', name, repository.ecologitsVersion),
    };
  }
  if (distinct.length > 1) {
    return {
      kind: 'ambiguous',
      message: `model "${name}" exists for several providers (${distinct.join(', ')}); give the provider`,
    };
  }
  return { kind: 'model', model: first };
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Billing rows (CUR, FOCUS, Azure and GCP cost exports) name the model only inside a SKU or meter description. The
 * model is the longest repository name contained in the description once both are reduced to letters and digits
 * ("Gemini 2.5 Flash output tokens" → gemini-2.5-flash). Null when none is contained: the row is then a question
 * to the user, not a guess. Pure.
 */
export function findModelInDescription(
  repository: TLlmModelRepository,
  description: string,
  profile: TEcologitsProvider | null = null,
): TLlmModel | null {
  const text = squash(description);
  let best: { length: number; model: TLlmModel } | null = null;
  for (const [name, models] of repository.byName) {
    const key = squash(name);
    const model = models.find((m) => profile === null || m.provider === profile);
    if (model && key.length > (best?.length ?? 0) && text.includes(key)) {
      best = { length: key.length, model };
    }
  }
  return best?.model ?? null;
}
