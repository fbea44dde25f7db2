import { describe, expect, test } from 'vitest';
import { amortizedEmbodiedKgCo2e, computeEmbodied, HOURS_PER_YEAR } from './embodied';
import { indexFactorLibrary } from './index-factor-library';
import { computeItEnergy } from './it-energy';
import { resolveLocation } from './resolve-location';
import { fixtureLibrary, record, SETTINGS } from './testing/fixture-library';
import { computeWaterL, resolveEwif } from './water';

const lib = indexFactorLibrary(fixtureLibrary());

describe('embodied (SCI M, amortised)', () => {
  test('SCI spec example: 1,000 kg over 4 years, 1 hour → 28.5 g', () => {
    expect(amortizedEmbodiedKgCo2e(1000, 1, 4) * 1000).toBeCloseTo(1_000_000 / 35_040, 6);
    expect(HOURS_PER_YEAR * 4).toBe(35_040);
  });

  test('catalog accelerator: kg × device-hours / (years × 8760), range from catalog low/high', () => {
    const it = computeItEnergy(record({ accelerator: 'acc-x', acceleratorHours: 876 }), lib, SETTINGS);
    const result = computeEmbodied(it, SETTINGS);
    expect(result.embodiedKgCo2e).toBeCloseTo((100 * 876) / (4 * 8760), 12);
    expect(result.relativeRange[0]).toBeCloseTo(0.2, 12);
    expect(result.relativeRange[1]).toBeCloseTo(0.3, 12);
    expect(result.flags).toEqual([]);
  });

  test('lifetime is configurable', () => {
    const it = computeItEnergy(record({ accelerator: 'acc-x', acceleratorHours: 8760 }), lib, SETTINGS);
    expect(computeEmbodied(it, { ...SETTINGS, embodiedLifetimeYears: 6 }).embodiedKgCo2e).toBeCloseTo(
      100 / 6,
      12,
    );
  });

  test('unknown accelerator uses the default embodied value, flagged', () => {
    const it = computeItEnergy(
      record({ accelerator: 'nope', acceleratorHours: 8760, energyKwh: 1 }),
      lib,
      SETTINGS,
    );
    const result = computeEmbodied(it, SETTINGS);
    expect(result.embodiedKgCo2e).toBeCloseTo(SETTINGS.unknownAcceleratorEmbodiedKgCo2e / 4, 12);
    expect(result.flags).toEqual(['ACCELERATOR_UNKNOWN']);
  });

  test('no device-hours: 0, flagged', () => {
    const it = computeItEnergy(record({ energyKwh: 5 }), lib, SETTINGS);
    expect(computeEmbodied(it, SETTINGS)).toMatchObject({
      embodiedKgCo2e: 0,
      flags: ['EMBODIED_NO_DEVICE_HOURS'],
    });
  });

  test('zero embodied value gives a zero range', () => {
    const library = fixtureLibrary();
    const spec = {
      ...(library.accelerators[0] as (typeof library.accelerators)[0]),
      id: 'zero',
      embodiedKgCo2e: 0,
      aliases: [],
    };
    const it = computeItEnergy(
      record({ accelerator: 'zero', acceleratorHours: 1 }),
      indexFactorLibrary({ ...library, accelerators: [spec] }),
      SETTINGS,
    );
    expect(computeEmbodied(it, SETTINGS).relativeRange).toEqual([0, 0]);
  });
});

describe('water', () => {
  test('on-site uses IT energy, off-site uses facility energy', () => {
    expect(computeWaterL(10, 12, 0.5, 2)).toEqual({ waterOnsiteL: 10 * 0.5, waterOffsiteL: 12 * 2 });
  });

  const ewif = (overrides: Parameters<typeof record>[0]) => {
    const rec = record(overrides);
    return resolveEwif(resolveLocation(rec, lib), lib, SETTINGS);
  };

  test('EWIF precedence: zone, then country (flagged), then default (flagged)', () => {
    expect(ewif({ provider: 'aws', region: 'test-1' })).toMatchObject({ lPerKwh: 2, flags: [] });
    expect(ewif({ provider: 'aws', region: 'test-2' })).toMatchObject({
      lPerKwh: 3,
      flags: ['EWIF_COUNTRY_FALLBACK'],
    });
    expect(ewif({ region: 'ZZ' })).toMatchObject({ lPerKwh: 3, flags: [] });
    expect(ewif({ region: 'atlantis' })).toMatchObject({
      lPerKwh: SETTINGS.defaultEwifLPerKwh,
      flags: ['EWIF_DEFAULT'],
    });
  });
});
