import { describe, expect, test } from 'vitest';
import { modelTokenIntensities } from './model-token-intensity';

describe('modelTokenIntensities', () => {
  test('per 1M tokens and per 1M output tokens, by hand', () => {
    const [ai, own] = modelTokenIntensities([
      {
        model: 'llama-own',
        service: null,
        tokens: 4_000_000,
        outputTokens: 0,
        energyKwh: 2,
        locationKgCo2e: 0.5,
        marketKgCo2e: 0.25,
        waterL: 3,
      },
      {
        model: 'gpt-4o',
        service: 'openai',
        tokens: 2_500_000,
        outputTokens: 500_000,
        energyKwh: 1.5,
        locationKgCo2e: 0.6,
        marketKgCo2e: 0.45,
        waterL: 5,
      },
    ]);
    // gpt-4o: 1.5 kWh = 1,500 Wh / 2.5 M tokens = 600 Wh per 1M; 600 g / 2.5 = 240 g; 450 g / 2.5 = 180 g; 5 L / 2.5 = 2 L.
    expect(ai?.model).toBe('gpt-4o');
    expect(ai?.energyWhPer1mTokens).toBeCloseTo(600, 9);
    expect(ai?.locationGCo2ePer1mTokens).toBeCloseTo(240, 9);
    expect(ai?.marketGCo2ePer1mTokens).toBeCloseTo(180, 9);
    expect(ai?.waterLPer1mTokens).toBeCloseTo(2, 9);
    // Per 1M output tokens: ÷ 0.5 M → 3,000 Wh, 1,200 g, 900 g, 10 L.
    expect(ai?.energyWhPer1mOutputTokens).toBeCloseTo(3000, 9);
    expect(ai?.locationGCo2ePer1mOutputTokens).toBeCloseTo(1200, 9);
    expect(ai?.marketGCo2ePer1mOutputTokens).toBeCloseTo(900, 9);
    expect(ai?.waterLPer1mOutputTokens).toBeCloseTo(10, 9);
    // Self-hosted: 2,000 Wh / 4 M = 500 Wh; 500 g / 4 = 125 g; no output split.
    expect(own?.energyWhPer1mTokens).toBeCloseTo(500, 9);
    expect(own?.locationGCo2ePer1mTokens).toBeCloseTo(125, 9);
    expect(own?.energyWhPer1mOutputTokens).toBeNull();
  });

  test('models without tokens are left out', () => {
    const none = {
      model: 'x',
      service: null,
      tokens: 0,
      outputTokens: 0,
      energyKwh: 1,
      locationKgCo2e: 1,
      marketKgCo2e: 1,
      waterL: 1,
    };
    expect(modelTokenIntensities([none])).toEqual([]);
  });
});
