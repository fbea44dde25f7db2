import { describe, expect, test } from 'vitest';
import { hardwareSwapScenario } from './hardware-swap';
import { insightsInputs, TRAINING_DIRTY, TRAINING_PROFILED } from './testing/insights-fixture';

describe('hardwareSwapScenario', () => {
  test('A100 → H100: device-hours × 312/989, power from the H100 TDP', () => {
    const r = hardwareSwapScenario([TRAINING_DIRTY], { accelerator: 'H100' }, insightsInputs());
    // Hours 1,000 × 312 / 989 = 315.4702 h; H100 power 70 + 0.5 × 630 = 385 W → IT 121.4560 kWh.
    // Facility × 1.5 = 182.1840 kWh; LB × 0.8 = 145.7472 kg. Before: 330 kWh, 264 kg.
    const itKwh = ((1000 * 312) / 989) * 0.385;
    expect(r.scenario.energyKwh).toBeCloseTo(itKwh * 1.5, 9);
    expect(r.scenario.energyKwh).toBeCloseTo(182.184, 3);
    expect(r.delta.locationKgCo2e).toBeCloseTo(145.7472 - 264, 3);
    // Embodied: 160 kg × 315.4702 h / 35,040 h = 1.4405 kg, vs 100 × 1,000 / 35,040 = 2.8539 kg.
    expect(r.delta.embodiedKgCo2e).toBeCloseTo(1.4405 - 2.8539, 3);
    expect(r.affectedRecords).toBe(1);
    expect(r.confidence).toBe('low');
  });

  test('metered energy scales by the energy-per-TFLOP ratio; unknown hardware is left unchanged', () => {
    const metered = { ...TRAINING_PROFILED, accelerator: 'A100', acceleratorHours: 100 };
    const r = hardwareSwapScenario(
      [metered, { ...metered, accelerator: 'Mystery' }],
      { accelerator: 'H100' },
      insightsInputs(),
    );
    // (700 / 989) / (400 / 312) = 0.552082; 100 kWh → 55.2082 kWh; × 300 g = 16.5625 kg vs 30 kg.
    expect(r.delta.energyKwh).toBeCloseTo(100 * (700 / 989 / (400 / 312)) - 100, 9);
    expect(r.delta.locationKgCo2e).toBeCloseTo(16.5625 - 30, 3);
    expect(r.unchanged).toEqual([
      { reason: 'current accelerator unknown or without a throughput figure', records: 1 },
    ]);
  });
});
