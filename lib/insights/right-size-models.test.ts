import { describe, expect, test } from 'vitest';
import type { TLlmModel } from '@/lib/emissions/ai-services/llm-model-types';
import { isLargeModel, rightSizingRecommendations, smallerModelOf } from './right-size-models';
import type { TAiUsageSelection } from './switch-model';
import { insightsInputs } from './testing/insights-fixture';
import { GPT_4O, GPT_4O_MINI, llmModel, OPENAI_SITE } from './testing/llm-models-fixture';

const model = llmModel;
const GPT_41_MINI = model('openai', 'gpt-4.1-mini', [40, 112], [40, 112]);
const SONNET = model('anthropic', 'claude-sonnet-4-5-20250929', [44, 132], [440, 440]);
const HAIKU_3 = model('anthropic', 'claude-3-haiku-20240307', [30, 90], [300, 300]);
const HAIKU_45 = model('anthropic', 'claude-haiku-4-5-20251001', [10, 35], [10, 35]);
const REPOSITORY = [GPT_4O, GPT_4O_MINI, GPT_41_MINI, SONNET, HAIKU_3, HAIKU_45];

const selection = (m: TLlmModel, outputTokens: number, energyKwh: number): TAiUsageSelection => ({
  service: m.provider,
  model: m,
  inputTokens: 0,
  outputTokens,
  requests: 0,
  storedCost: null,
  embodiedKgCo2e: 0,
  records: [
    {
      recordId: m.name,
      phase: 'inference',
      startedAt: new Date('2026-03-01T00:00:00Z'),
      endedAt: new Date('2026-03-02T00:00:00Z'),
      provider: 'aws',
      region: 'dirty-1',
      energyKwh,
    },
  ],
});

describe('right-sizing', () => {
  test('large = 70 B active parameters or more (midpoint of the range)', () => {
    // gpt-4o (44 + 132) / 2 = 88 ≥ 70; gpt-4.1-mini (40 + 112) / 2 = 76 ≥ 70; gpt-4o-mini 18; claude-3-haiku 60.
    expect([GPT_4O, GPT_41_MINI, GPT_4O_MINI, HAIKU_3].map(isLargeModel)).toEqual([true, true, false, false]);
  });

  test('the smaller model extends the name (shortest, not a special-purpose one), else shares the family prefix', () => {
    const variants = [
      model('openai', 'gpt-4o-mini-tts', [8, 28], [8, 28]),
      model('openai', 'gpt-4o-mini-2024-07-18', [8, 28], [8, 28]),
    ];
    expect(smallerModelOf(GPT_4O, [...variants, ...REPOSITORY])?.name).toBe('gpt-4o-mini');
    expect(smallerModelOf(GPT_4O, variants)?.name).toBe('gpt-4o-mini-2024-07-18');
    expect(smallerModelOf(SONNET, REPOSITORY)?.name).toBe('claude-haiku-4-5-20251001');
  });

  test('suggested only from 50 % of output tokens on large models; saving = stored energy × (1 − ratio)', () => {
    const inputs = insightsInputs();
    // 40 % large: nothing.
    const mostlySmall = [selection(GPT_4O, 400, 10), selection(GPT_4O_MINI, 600, 1)];
    expect(rightSizingRecommendations(mostlySmall, REPOSITORY, () => OPENAI_SITE, inputs, 1000)).toEqual([]);
    // 60 % large: gpt-4o → gpt-4o-mini. Ratio of the engine energies 0.0339936 (switch-model.test.ts, by hand);
    // DIRTY: 10 kWh IT × 1.5 × 0.8 kg = 12 kg now → saving 12 × (1 − 0.0339936) = 11.59208 kg.
    const mostlyLarge = [selection(GPT_4O, 600, 10), selection(GPT_4O_MINI, 400, 1)];
    const [rec, ...rest] = rightSizingRecommendations(
      mostlyLarge,
      REPOSITORY,
      () => OPENAI_SITE,
      inputs,
      100,
    );
    expect(rest).toEqual([]);
    expect(rec?.kind).toBe('model');
    expect(rec?.title).toBe('Route routine gpt-4o requests to gpt-4o-mini');
    expect(rec?.annualSavedKgCo2e).toBeCloseTo(12 * (1 - 0.0339936), 4);
    expect(rec?.shareOfTotal).toBeCloseTo((12 * (1 - 0.0339936)) / 100, 6);
    // Range 0.0380660 (largest size: smallest saving) to 0.0299213.
    expect(rec?.savedRangeKgCo2e?.low).toBeCloseTo(12 * (1 - 0.038066), 4);
    expect(rec?.savedRangeKgCo2e?.high).toBeCloseTo(12 * (1 - 0.0299213), 4);
    expect(rec?.currency).toBeNull();
  });
});
