import { describe, expect, test } from 'vitest';
import { compressionScenario } from './compression';
import { reusePretrainedScenario } from './reuse-pretrained';
import { INFERENCE_CLEAN, insightsInputs, TRAINING_DIRTY } from './testing/insights-fixture';

describe('compressionScenario', () => {
  test('INT8: inference IT energy −35 % (range −20 % to −50 %); training untouched', () => {
    const r = compressionScenario([INFERENCE_CLEAN, TRAINING_DIRTY], { technique: 'int8' }, insightsInputs());
    // Inference 100 kWh IT → 65 kWh; facility 110 → 71.5 kWh (−38.5); LB 5.5 → 3.575 kg (−1.925).
    expect(r.delta.energyKwh).toBeCloseTo(-38.5, 9);
    expect(r.delta.locationKgCo2e).toBeCloseTo(-1.925, 9);
    // Water: IT × 0.2 + facility × 1 = 0.2 × 35 + 38.5 = 45.5 L less. Cost 38.5 × 0.1 = 3.85.
    expect(r.delta.waterL).toBeCloseTo(-45.5, 9);
    expect(r.delta.electricityCost).toBeCloseTo(-3.85, 9);
    // Range: −20 % → −22 kWh facility; −50 % → −55 kWh facility.
    expect(r.deltaRange?.low.energyKwh).toBeCloseTo(-22, 9);
    expect(r.deltaRange?.high.energyKwh).toBeCloseTo(-55, 9);
    expect(r.unchanged).toEqual([{ reason: 'not inference', records: 1 }]);
    expect(r.label).toContain('estimate');
  });

  test('distillation range is 37.5 %–89 % of inference energy', () => {
    const r = compressionScenario([INFERENCE_CLEAN], { technique: 'distillation' }, insightsInputs());
    // Central (0.375 + 0.89) / 2 = 0.6325 → 110 × 0.6325 = 69.575 kWh less.
    expect(r.delta.energyKwh).toBeCloseTo(-69.575, 9);
  });
});

describe('reusePretrainedScenario', () => {
  test('fine-tuning at 1 % of the pre-training work avoids 99 % of training emissions', () => {
    const r = reusePretrainedScenario([TRAINING_DIRTY], {}, insightsInputs());
    // 264 kg × 0.99 = 261.36 kg avoided; range 10 % → 237.6 kg, 0.03 % → 263.9208 kg.
    expect(r.delta.locationKgCo2e).toBeCloseTo(-261.36, 9);
    expect(r.deltaRange?.low.locationKgCo2e).toBeCloseTo(-237.6, 9);
    expect(r.deltaRange?.high.locationKgCo2e).toBeCloseTo(-263.9208, 9);
    // Energy 330 × 0.99 = 326.7 kWh; embodied 2.8539 × 0.99 = 2.8253 kg.
    expect(r.delta.energyKwh).toBeCloseTo(-326.7, 9);
    expect(r.delta.embodiedKgCo2e).toBeCloseTo(-2.8253, 4);
  });

  test('a user-entered share of 5 % keeps 5 % of the work', () => {
    const r = reusePretrainedScenario([TRAINING_DIRTY], { fineTuneSharePct: 5 }, insightsInputs());
    // 264 × 0.95 = 250.8 kg.
    expect(r.delta.locationKgCo2e).toBeCloseTo(-250.8, 9);
  });
});
