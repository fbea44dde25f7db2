import { describe, expect, test } from 'vitest';
import { regionShiftScenario } from './region-shift';
import { insightsInputs, TRAINING_DIRTY } from './testing/insights-fixture';

describe('regionShiftScenario', () => {
  test('moving 220 kWh of IT work from DIRTY to CLEAN, by hand', () => {
    const r = regionShiftScenario([TRAINING_DIRTY], { provider: 'aws', region: 'clean-1' }, insightsInputs());
    // Before: facility 220 × 1.5 = 330 kWh; LB 330 × 0.8 = 264 kg; water 220 × 1.0 + 330 × 2 = 880 L; cost 33.
    expect(r.baseline.energyKwh).toBeCloseTo(330, 9);
    expect(r.baseline.locationKgCo2e).toBeCloseTo(264, 9);
    // After: facility 220 × 1.1 = 242 kWh; LB 242 × 0.05 = 12.1 kg; water 220 × 0.2 + 242 × 1 = 286 L; cost 24.2.
    expect(r.scenario.energyKwh).toBeCloseTo(242, 9);
    expect(r.scenario.locationKgCo2e).toBeCloseTo(12.1, 9);
    expect(r.scenario.waterL).toBeCloseTo(286, 9);
    // Deltas: −88 kWh, −251.9 kg LB, −251.9 kg MB (no contracts: grid average), −594 L, −8.80 USD.
    expect(r.delta.energyKwh).toBeCloseTo(-88, 9);
    expect(r.delta.locationKgCo2e).toBeCloseTo(-251.9, 9);
    expect(r.delta.marketKgCo2e).toBeCloseTo(-251.9, 9);
    expect(r.delta.waterL).toBeCloseTo(-594, 9);
    expect(r.delta.electricityCost).toBeCloseTo(-8.8, 9);
    // Same hardware and hours: embodied unchanged.
    expect(r.delta.embodiedKgCo2e).toBeCloseTo(0, 12);
    expect(r.confidence).toBe('medium');
    expect(r.assumptions.join(' ')).toContain('grid zone CLEAN, PUE 1.1');
  });

  test('drops row overrides that describe the old site', () => {
    const withOverrides = { ...TRAINING_DIRTY, pue: 2, carbonIntensityGPerKwh: 1000 };
    const r = regionShiftScenario([withOverrides], { provider: 'aws', region: 'clean-1' }, insightsInputs());
    // Before uses the overrides: 220 × 2 = 440 kWh × 1.0 = 440 kg. After: the CLEAN figures above.
    expect(r.baseline.locationKgCo2e).toBeCloseTo(440, 9);
    expect(r.scenario.locationKgCo2e).toBeCloseTo(12.1, 9);
  });

  test('an unknown target region is low confidence and says so', () => {
    const r = regionShiftScenario(
      [TRAINING_DIRTY],
      { provider: 'aws', region: 'nowhere-9' },
      insightsInputs(),
    );
    expect(r.confidence).toBe('low');
    expect(r.assumptions[0]).toContain('not in the factor library');
  });
});
