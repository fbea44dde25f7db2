import { describe, expect, test } from 'vitest';
import { estimateAiServiceUsage, type TAiServiceSite } from './estimate-ai-service-usage';
import {
  applyAiDisclosureFactor,
  selectAiDisclosureFactor,
  type TAiDisclosureFactor,
} from './select-ai-disclosure-factor';

// Google's median Gemini Apps text prompt, May 2025: 0.24 Wh, comprehensive boundary (accelerator, host, idle
// machines, PUE) — reference/llm-disclosures/disclosures.csv.
const GOOGLE: TAiDisclosureFactor = {
  id: 'google-gemini-median-2025',
  provider: 'google',
  model: '*',
  metric: 'energy_per_request_wh',
  value: 0.24,
  boundary: 'facility+idle',
  source: 'Elsworth et al., arXiv:2508.15734 (2025-08-21)',
  validFrom: '2025-05-01',
  validTo: null,
};
// ML.ENERGY Llama-3.1-8B on one H100 at batch 64: 0.1186 J/token, GPU only.
const ACCELERATOR_ONLY: TAiDisclosureFactor = {
  ...GOOGLE,
  id: 'ml-energy-llama-8b',
  model: 'gemini-2.5-flash',
  metric: 'energy_per_output_token_wh',
  value: 0.1186 / 3600,
  boundary: 'accelerator',
};
const row = {
  provider: 'google',
  model: 'gemini-2.5-flash',
  periodStart: '2026-01-01T00:00:00Z',
  requests: 1000,
};

describe('provider disclosures as organisation factors', () => {
  test('a matching boundary wins; an accelerator-only figure is set aside with its reason', () => {
    const choice = selectAiDisclosureFactor([ACCELERATOR_ONLY, GOOGLE], row);
    expect(choice).toEqual({ kind: 'factor', factor: GOOGLE });
    const none = selectAiDisclosureFactor([ACCELERATOR_ONLY], row);
    expect(none).toEqual({
      kind: 'none',
      reasons: [expect.stringMatching(/boundary accelerator does not match/)],
    });
  });

  test('never applied outside its period (0.24 Wh is May 2025; 2024 prompts used ~33× more)', () => {
    const choice = selectAiDisclosureFactor([GOOGLE], { ...row, periodStart: '2024-06-01T00:00:00Z' });
    expect(choice.kind).toBe('none');
  });

  test('a per-request figure needs request counts; a model-specific factor beats a provider-wide one', () => {
    expect(selectAiDisclosureFactor([GOOGLE], { ...row, requests: null }).kind).toBe('none');
    const specific = { ...GOOGLE, id: 'specific', model: 'gemini-2.5-flash', value: 0.3 };
    expect(selectAiDisclosureFactor([GOOGLE, specific], row)).toEqual({ kind: 'factor', factor: specific });
    expect(selectAiDisclosureFactor([GOOGLE], { ...row, provider: 'openai' }).kind).toBe('none');
  });

  test('applied: 1,000 prompts × 0.24 Wh = 0.24 kWh; CO2e and water follow from it', () => {
    const site: TAiServiceSite = {
      pue: { min: 1.09, max: 1.09 },
      wueOnsiteLPerKwh: { min: 0.999, max: 0.999 },
      zone: 'USA',
      mix: { gwpKgPerKwh: 0.38355, wueOffsiteLPerKwh: 3.1321, adpeKgSbPerKwh: 0, peMjPerKwh: 0 },
      zoneIsProviderDefault: true,
    };
    const usage = { outputTokens: 400_000, requests: 1000 };
    const model = {
      activeParamsB: { min: 44, max: 132 },
      totalParamsB: { min: 440, max: 440 },
      sizeEstimated: true,
      multimodal: true,
    };
    const estimated = estimateAiServiceUsage(usage, model, site);
    const applied = applyAiDisclosureFactor(estimated, GOOGLE, usage, site);
    expect(applied.energyKwh).toBeCloseTo(0.24, 12);
    expect(applied.usageKgCo2e).toBeCloseTo(0.24 * 0.38355, 12);
    expect(applied.waterOnsiteL).toBeCloseTo(0.24 * 0.999, 12);
    expect(applied.waterOffsiteL).toBeCloseTo(0.24 * 1.09 * 3.1321, 12);
    expect(applied.embodiedKgCo2e).toBe(estimated.embodiedKgCo2e);
    expect(applied.flags).toContain('AI_DISCLOSURE_FACTOR');
    // Per output token: 400,000 tokens × 1e-6 Wh = 0.4 Wh.
    const perToken = { ...GOOGLE, metric: 'energy_per_output_token_wh' as const, value: 1e-6 };
    expect(applyAiDisclosureFactor(estimated, perToken, usage, site).energyKwh).toBeCloseTo(0.0004, 15);
  });
});
