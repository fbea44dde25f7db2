import { describe, expect, test } from 'vitest';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { switchModelScenario, type TAiUsageSelection } from './switch-model';
import { insightsInputs } from './testing/insights-fixture';
import { GPT_4O, GPT_4O_MINI, LLAMA_70B, OPENAI_SITE } from './testing/llm-models-fixture';

/** 100 kWh IT of gpt-4o answers stored in the fixture's CLEAN region: PUE 1.1, 50 g/kWh, WUE 0.2, EWIF 1. */
const RECORD: TUsageRecordInput = {
  recordId: 'ai-1',
  phase: 'inference',
  startedAt: new Date('2026-03-01T00:00:00Z'),
  endedAt: new Date('2026-03-02T00:00:00Z'),
  provider: 'aws',
  region: 'clean-1',
  energyKwh: 100,
  tokens: 1_500_000,
};
const SELECTION: TAiUsageSelection = {
  service: 'openai',
  model: GPT_4O,
  inputTokens: 500_000,
  outputTokens: 1_000_000,
  requests: 1000,
  storedCost: 10,
  records: [RECORD],
  embodiedKgCo2e: 2,
};

/*
 * EcoLogits by hand (the shared AI-services methodology; docs/METHODOLOGY.md "AI services"), N = 1e6 output tokens, B = 64, PUE 1.2:
 * f_E(P) = 1.16653e-6 · e^(−0.0112059·64) · P + 4.05293e-5 Wh/token/GPU, e^(−0.717179) = 0.488130;
 * f_L(P) = 6.78509e-4 · P + 3.11931e-4 · 64 + 0.0194737 s/token.
 * gpt-4o: weights 1.2 · 440 · 2 B = 1,056 GB → 13.2 → 14 → 16 GPUs (power of two).
 *   P = 44:  f_E = 6.55835e-5, f_L = 0.0692917; GPU 16 · 1e6 · 6.55835e-5 / 1000 = 1.049336 kWh;
 *            host 1e6 · 0.0692917 / 3600 · 1.2 · 16/8 / 64 = 0.721789 kWh → ×1.2 = 2.125349 kWh.
 *   P = 132: f_E = 1.156919e-4, f_L = 0.1290005; 1.851071 + 1.343755 = 3.194826 → ×1.2 = 3.833791 kWh.
 *   midpoint 2.979570 kWh.
 * gpt-4o-mini: 1.2 · 8 · 2 = 19.2 GB → 1 GPU; 1.2 · 28 · 2 = 67.2 GB → 1 GPU.
 *   P = 8:  f_E = 4.508459e-5, f_L = 0.0448654; GPU 0.0450846 + host 0.0292092 = 0.0742938 → ×1.2 = 0.0891526 kWh.
 *   P = 28: f_E = 5.647287e-5, f_L = 0.0584356; GPU 0.0564729 + host 0.0380440 = 0.0945169 → ×1.2 = 0.1134202 kWh.
 *   midpoint 0.1012864 kWh.
 * Ratio mini / 4o = 0.1012864 / 2.979570 = 0.0339936; range 0.0891526 / 2.979570 = 0.0299213 to 0.1134202 / 2.979570 = 0.0380660.
 */
const RATIO = 0.0339936;

describe('switchModelScenario', () => {
  test('gpt-4o → gpt-4o-mini: stored energy × the engine ratio, then our grid and water', () => {
    const r = switchModelScenario(
      SELECTION,
      { kind: 'model', model: GPT_4O_MINI, site: OPENAI_SITE },
      insightsInputs(),
    );
    // Baseline: 100 kWh × 1.1 = 110 kWh; 110 × 50 g = 5.5 kg; water 100 × 0.2 + 110 × 1 = 130 L.
    expect(r.baseline.energyKwh).toBeCloseTo(110, 9);
    expect(r.baseline.locationKgCo2e).toBeCloseTo(5.5, 9);
    expect(r.baseline.waterL).toBeCloseTo(130, 9);
    expect(r.scenario.energyKwh).toBeCloseTo(110 * RATIO, 4);
    expect(r.scenario.locationKgCo2e).toBeCloseTo(5.5 * RATIO, 5);
    expect(r.scenario.marketKgCo2e).toBeCloseTo(5.5 * RATIO, 5);
    expect(r.scenario.waterL).toBeCloseTo(130 * RATIO, 4);
    expect(r.delta.energyKwh).toBeCloseTo(110 * RATIO - 110, 4);
    // Range: smallest saving at the target's largest size, largest saving at its smallest.
    expect(r.deltaRange?.low.energyKwh).toBeCloseTo(110 * 0.038066 - 110, 4);
    expect(r.deltaRange?.high.energyKwh).toBeCloseTo(110 * 0.0299213 - 110, 4);
    // No prices entered: the target's cost is not estimated, never invented.
    expect(r.cost).toMatchObject({ current: 10, target: null, delta: null });
    expect(r.cost.notes.join(' ')).toContain('not estimated');
  });

  test('entered token prices give the target cost: 0.5 M × 0.15 + 1 M × 0.6 = 0.675', () => {
    const r = switchModelScenario(
      SELECTION,
      { kind: 'model', model: GPT_4O_MINI, site: OPENAI_SITE, inputPricePer1m: 0.15, outputPricePer1m: 0.6 },
      insightsInputs(),
    );
    expect(r.cost.target).toBeCloseTo(0.675, 9);
    expect(r.cost.delta).toBeCloseTo(0.675 - 10, 9);
  });

  test('self-hosting Llama 3.1 70B on H100 in CLEAN: GPUs from memory, hours from the latency fit', () => {
    const r = switchModelScenario(
      SELECTION,
      {
        kind: 'self-host',
        model: LLAMA_70B,
        accelerator: 'H100',
        provider: 'aws',
        region: 'clean-1',
        gpuHourPrice: 2,
      },
      insightsInputs(),
    );
    // 1.2 · 70.55 · 2 = 169.32 GB → 2.12 → 3 → 4 GPUs. f_L(70.55) = 0.0478688 + 0.0199636 + 0.0194737 = 0.0873061 s.
    // Accelerator-hours 4 · 1e6 · 0.0873061 / 64 / 3600 = 1.515731 h; H100 70 + 0.5 · 630 = 385 W → 0.583556 kWh IT.
    expect(r.selfHost?.gpuCount).toBe(4);
    expect(r.selfHost?.acceleratorHours).toBeCloseTo(1.515731, 5);
    expect(r.scenario.energyKwh).toBeCloseTo(0.583556 * 1.1, 5);
    expect(r.scenario.locationKgCo2e).toBeCloseTo(0.583556 * 1.1 * 0.05, 6);
    // Cost: 0.0641912 USD (0.641912 kWh × 0.1) + 3.031462 USD (1.515731 h × 2) = 3.095653 USD against the stored 10.
    expect(r.cost.target).toBeCloseTo(3.095653, 5);
    expect(r.cost.delta).toBeCloseTo(3.095653 - 10, 5);
  });
});
