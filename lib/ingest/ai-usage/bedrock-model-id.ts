/** Bedrock model-id vendor prefixes → provider names of reference/ai-services/providers.csv. */
const BEDROCK_VENDORS: Record<string, string> = {
  anthropic: 'anthropic',
  mistral: 'mistral',
  cohere: 'cohere',
};

/**
 * A Bedrock model id (`anthropic.claude-3-5-sonnet-20240620-v1:0`, cross-region profiles `us.`/`eu.`/`apac.`/
 * `global.` first) → the vendor's provider name and the model name without the version suffix
 * (`claude-3-5-sonnet-20240620`). A vendor we have no profile for keeps a null provider.
 */
export function splitBedrockModelId(modelId: string): { provider: string | null; name: string } {
  const withoutProfile = modelId.trim().replace(/^(?:us|eu|apac|us-gov|global)\./i, '');
  const dot = withoutProfile.indexOf('.');
  const vendor = dot > 0 ? withoutProfile.slice(0, dot).toLowerCase() : '';
  const rest = dot > 0 ? withoutProfile.slice(dot + 1) : withoutProfile;
  return {
    provider: BEDROCK_VENDORS[vendor] ?? null,
    name: rest.replace(/-v\d+(?::\d+)?$/i, '').replace(/:\d+$/, ''),
  };
}
