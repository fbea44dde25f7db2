import type { TAiServiceSite } from '@/lib/emissions/ai-services/estimate-ai-service-usage';
import type { TLlmModel } from '@/lib/emissions/ai-services/llm-model-types';

/** A repository model for the switch and right-sizing tests, parameters in billions (min, max). */
export function llmModel(
  provider: TLlmModel['provider'],
  name: string,
  active: [number, number],
  total: [number, number],
): TLlmModel {
  return {
    provider,
    name,
    architecture: active[1] < total[1] ? 'moe' : 'dense',
    activeParamsB: { min: active[0], max: active[1] },
    totalParamsB: { min: total[0], max: total[1] },
    sizeEstimated: provider !== 'huggingface_hub',
    multimodal: false,
    sources: [`test ${name}`],
  };
}

// Sizes of reference/ecologits/models.json.
export const GPT_4O = llmModel('openai', 'gpt-4o', [44, 132], [440, 440]);
export const GPT_4O_MINI = llmModel('openai', 'gpt-4o-mini', [8, 28], [8, 28]);
export const LLAMA_70B = llmModel(
  'huggingface_hub',
  'meta-llama/Meta-Llama-3.1-70B',
  [70.55, 70.55],
  [70.55, 70.55],
);

/** OpenAI profile (reference/ecologits/providers.csv): PUE 1.2, WUE 0.569 L/kWh, USA mix 0.38355 kg/kWh. */
export const OPENAI_SITE: TAiServiceSite = {
  pue: { min: 1.2, max: 1.2 },
  wueOnsiteLPerKwh: { min: 0.569, max: 0.569 },
  zone: 'USA',
  mix: { gwpKgPerKwh: 0.38355, adpeKgSbPerKwh: 9.855e-8, peMjPerKwh: 9.6884, wueOffsiteLPerKwh: 3.1321 },
  zoneIsProviderDefault: true,
};
