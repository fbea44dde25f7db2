import { describe, expect, test } from 'vitest';
import { ASSUMPTION_FLAG_CODES, ASSUMPTION_FLAGS } from './assumption-flags';
import { computeRecordFootprint } from './compute-footprints';
import { indexFactorLibrary } from './index-factor-library';
import { METHODOLOGY_VERSION } from './methodology-version';
import { fixtureLibrary, record, SETTINGS } from './testing/fixture-library';
import { ENERGY_RANGES, INTENSITY_RANGES, PUE_RANGES } from './uncertainty';

describe('computeRecordFootprint end to end', () => {
  test('modelled A100-like run in a cloud region, all figures by hand', () => {
    // acc-x: TDP 400 W, idle 40 W; u = 0.5 → P = 40 + 0.5 × 360 = 220 W; 2 devices × 2 h = 4 device-hours.
    const rec = record({
      recordId: 'r1',
      provider: 'aws',
      region: 'test-1',
      accelerator: 'X-100 SXM',
      acceleratorCount: 2,
      utilization: 0.5,
      startedAt: new Date('2023-01-01T00:00:00Z'),
      endedAt: new Date('2023-01-01T02:00:00Z'),
    });
    const fp = computeRecordFootprint(rec, fixtureLibrary(), SETTINGS);
    const itKwh = (4 * 220) / 1000;
    const facilityKwh = itKwh * 1.2; // location PUE 1.2
    const intensity = (100 + 200) / 2; // hourly, 00:00–02:00
    const locationKg = (facilityKwh * intensity) / 1000;
    expect(fp.itEnergyKwh).toBeCloseTo(itKwh, 12);
    expect(fp.energyKwh).toBeCloseTo(facilityKwh, 12);
    expect(fp).toMatchObject({
      recordId: 'r1',
      pue: 1.2,
      gridZone: 'ZZ-A',
      intensitySource: 'hourly',
      basis: 'lifecycle',
    });
    expect(fp.locationKgCo2e).toBeCloseTo(locationKg, 12);
    expect(fp.marketKgCo2e).toBeCloseTo((facilityKwh * 600) / 1000, 12); // residual mix 600
    expect(fp.embodiedKgCo2e).toBeCloseTo((100 * 4) / (4 * 8760), 12);
    expect(fp.waterOnsiteL).toBeCloseTo(itKwh * 0.5, 12);
    expect(fp.waterOffsiteL).toBeCloseTo(facilityKwh * 2, 12);
    const [e, p, i] = [ENERGY_RANGES['tdp-model'], PUE_RANGES.location, INTENSITY_RANGES.hourly];
    expect(fp.uncertaintyLowKgCo2e).toBeCloseTo(locationKg * (1 - e[0]) * (1 - p[0]) * (1 - i[0]), 12);
    expect(fp.uncertaintyHighKgCo2e).toBeCloseTo(locationKg * (1 + e[1]) * (1 + p[1]) * (1 + i[1]), 12);
    expect(fp.isMeasured).toBe(false);
    expect(fp.methodologyVersion).toBe(METHODOLOGY_VERSION);
    expect(fp.assumptions).toEqual(['ENERGY_FROM_TDP_MODEL']);
    expect(fp.factorRefs.map((r) => r.kind)).toEqual(
      expect.arrayContaining([
        'accelerator-power',
        'pue',
        'grid-intensity',
        'wue',
        'ewif',
        'accelerator-embodied',
        'residual-mix',
      ]),
    );
  });

  test('measured energy is narrow and flagged as measured; unknown location gets world + defaults', () => {
    const fp = computeRecordFootprint(
      record({ energyKwh: 10, region: 'atlantis' }),
      indexFactorLibrary(fixtureLibrary()),
      SETTINGS,
    );
    const locationKg = (10 * SETTINGS.defaultPue * 480) / 1000;
    expect(fp.isMeasured).toBe(true);
    expect(fp.locationKgCo2e).toBeCloseTo(locationKg, 12);
    expect(fp.assumptions).toEqual([
      'LOCATION_UNKNOWN',
      'PUE_INDUSTRY_DEFAULT',
      'INTENSITY_WORLD_AVERAGE',
      'EMBODIED_NO_DEVICE_HOURS',
      'WUE_INDUSTRY_DEFAULT',
      'EWIF_DEFAULT',
      'MARKET_RESIDUAL_MIX_UNAVAILABLE',
    ]);
    const [e, p, i] = [ENERGY_RANGES.measured, PUE_RANGES.industry, INTENSITY_RANGES.world];
    expect(fp.uncertaintyLowKgCo2e).toBeCloseTo(locationKg * (1 - e[0]) * (1 - p[0]) * (1 - i[0]), 12);
  });

  test('basis mismatch widens the intensity range', () => {
    const rec = record({
      energyKwh: 1,
      pue: 1,
      provider: 'aws',
      region: 'test-1',
      startedAt: new Date('2022-05-01'),
      endedAt: new Date('2022-05-02'),
    });
    const fp = computeRecordFootprint(rec, fixtureLibrary(), { ...SETTINGS, basis: 'direct' });
    const kg = (1 * 300) / 1000;
    expect(fp.basis).toBe('lifecycle');
    expect(fp.uncertaintyHighKgCo2e).toBeCloseTo(kg * 1.05 * 1.02 * (1 + 0.1 + 0.25), 12);
  });

  test('unknown accelerator with default utilisation is the widest energy range', () => {
    const fp = computeRecordFootprint(
      record({ accelerator: '???', acceleratorCount: 1, pue: 1, carbonIntensityGPerKwh: 100 }),
      fixtureLibrary(),
      SETTINGS,
    );
    const powerW = SETTINGS.idlePowerFraction * 200 + 0.5 * (200 - SETTINGS.idlePowerFraction * 200);
    const kg = ((powerW / 1000) * 100) / 1000;
    expect(fp.locationKgCo2e).toBeCloseTo(kg, 12);
    expect(fp.uncertaintyHighKgCo2e).toBeCloseTo(kg * 2 * 1.02 * 1.05, 12);
  });

  test('default utilisation range applies to known accelerators', () => {
    const fp = computeRecordFootprint(
      record({ accelerator: 'acc-x', acceleratorCount: 1, pue: 1, carbonIntensityGPerKwh: 100 }),
      fixtureLibrary(),
      SETTINGS,
    );
    expect(fp.uncertaintyLowKgCo2e).toBeCloseTo(fp.locationKgCo2e * 0.5 * 0.98 * 0.95, 12);
  });

  test('every flag code has a description', () => {
    for (const code of ASSUMPTION_FLAG_CODES) {
      expect(ASSUMPTION_FLAGS[code].length).toBeGreaterThan(10);
    }
  });
});
