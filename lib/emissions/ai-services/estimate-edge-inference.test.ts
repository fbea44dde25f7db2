import { describe, expect, test } from 'vitest';
import { estimateEdgeInference } from './estimate-edge-inference';

describe('edge / on-device inference', () => {
  test('stated energy per inference: 200 laptops × 1,000 inferences × 0.5 Wh = 100 kWh, no PUE, no cooling water', () => {
    const r = estimateEdgeInference({
      deviceClass: 'laptop',
      deviceCount: 200,
      inferencesPerDevice: 1000,
      energyPerInferenceWh: 0.5,
      gridKgCo2ePerKwh: 0.3,
      gridWaterLPerKwh: 2,
    });
    expect(r).toMatchObject({ ok: true, energyKwh: 100, pue: 1, waterOnsiteL: 0, waterOffsiteL: 200 });
    expect(r.ok && r.kgCo2e).toBeCloseTo(30, 12);
    expect(r.ok && r.flags).toEqual(['EDGE_DEVICE_BOUNDARY']);
  });

  test('tokens with the laptop reference (0.259–0.413 J/token): flagged thin evidence, a range', () => {
    // 3.6e6 tokens on one laptop: 3.6e6 × 0.259 J = 0.259 kWh; × 0.413 J = 0.413 kWh.
    const r = estimateEdgeInference({
      deviceClass: 'laptop',
      deviceCount: 1,
      tokensPerDevice: 3.6e6,
      gridKgCo2ePerKwh: 0.1,
    });
    if (!r.ok) {
      throw new Error(r.message);
    }
    expect(r.energyKwhRange.min).toBeCloseTo(0.259, 12);
    expect(r.energyKwhRange.max).toBeCloseTo(0.413, 12);
    expect(r.energyKwh).toBeCloseTo(0.336, 12);
    expect(r.flags).toContain('EDGE_THIN_EVIDENCE');
    expect(r.waterOffsiteL).toBeNull();
  });

  test('a stated J/token is not flagged thin evidence; phones without one are a clear error', () => {
    const r = estimateEdgeInference({
      deviceClass: 'phone',
      deviceCount: 10,
      tokensPerDevice: 360_000,
      joulesPerToken: 1,
      gridKgCo2ePerKwh: 0.2,
    });
    // 10 × 360,000 J = 3.6e6 J = 1 kWh.
    expect(r).toMatchObject({ ok: true, energyKwh: 1, flags: ['EDGE_DEVICE_BOUNDARY'] });
    expect(
      estimateEdgeInference({
        deviceClass: 'phone',
        deviceCount: 10,
        tokensPerDevice: 1,
        gridKgCo2ePerKwh: 0.2,
      }),
    ).toMatchObject({
      ok: false,
      field: 'joulesPerToken',
    });
    expect(
      estimateEdgeInference({ deviceClass: 'laptop', deviceCount: 0, gridKgCo2ePerKwh: 0.2 }),
    ).toMatchObject({ ok: false, field: 'deviceCount' });
    expect(
      estimateEdgeInference({ deviceClass: 'laptop', deviceCount: 1, gridKgCo2ePerKwh: 0.2 }),
    ).toMatchObject({
      ok: false,
      field: 'inferencesPerDevice',
    });
  });
});
