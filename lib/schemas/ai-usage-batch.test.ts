import { describe, expect, test } from 'vitest';
import { ZAiUsageBatch } from './ai-usage-batch';

const BASE = { startedAt: '2026-01-05', endedAt: '2026-01-06', inputTokens: 0, outputTokens: 200 };

describe('ZAiUsageBatch: stated model size and site', () => {
  test('a stated size needs no provider or model (EcoLogits compute_llm_impacts row)', () => {
    const parsed = ZAiUsageBatch.safeParse([
      { ...BASE, activeParamsB: 7.3, totalParamsB: 7.3, pue: 1.26, wueOnsiteLPerKwh: 0.37, mixZone: 'WOR' },
    ]);
    expect(parsed.success).toBe(true);
  });

  test('without a stated size, provider and model are required; a PUE below 1 and a 4-letter zone are refused', () => {
    const parsed = ZAiUsageBatch.safeParse([
      BASE,
      { ...BASE, activeParamsB: 7.3, pue: 0.9 },
      { ...BASE, activeParamsB: 7.3, mixZone: 'FRAN' },
    ]);
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['0.model', '0.provider', '1.pue', '2.mixZone']);
  });
});
