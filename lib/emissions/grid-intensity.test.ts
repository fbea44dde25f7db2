import { describe, expect, test } from 'vitest';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { resolveLocationIntensity } from './grid-intensity';
import { indexFactorLibrary } from './index-factor-library';
import type { MethodologySettings } from './methodology-settings';
import { resolveLocation } from './resolve-location';
import { fixtureLibrary, gridFactor, record, SETTINGS } from './testing/fixture-library';

const lib = indexFactorLibrary(fixtureLibrary());
const at = (start: string, end: string, extra: Partial<TUsageRecordInput> = {}) =>
  record({ provider: 'aws', region: 'test-1', startedAt: new Date(start), endedAt: new Date(end), ...extra });
const resolve = (rec: TUsageRecordInput, settings: MethodologySettings = SETTINGS, library = lib) =>
  resolveLocationIntensity(rec, resolveLocation(rec, library), library, settings);

describe('location-based intensity precedence', () => {
  test('row override beats everything, flagged, on the report basis', () => {
    const r = resolve(at('2023-01-01T00:00:00Z', '2023-01-01T02:00:00Z', { carbonIntensityGPerKwh: 42 }));
    expect(r).toMatchObject({
      gCo2ePerKwh: 42,
      source: 'row',
      basis: 'lifecycle',
      flags: ['INTENSITY_ROW_OVERRIDE'],
    });
  });

  test('hourly, time-weighted over the run', () => {
    // 00:30–03:00: 0.5 h × 100 + 1 h × 200 + 1 h × 300 over 2.5 h
    const r = resolve(at('2023-01-01T00:30:00Z', '2023-01-01T03:00:00Z'));
    expect(r.source).toBe('hourly');
    expect(r.gCo2ePerKwh).toBeCloseTo((0.5 * 100 + 200 + 300) / 2.5, 10);
    expect(r.flags).toEqual([]);
    expect(r.ref.id).toContain('..');
  });

  test('monthly when hourly does not cover the run', () => {
    // Jan 31 00:00 – Feb 2 00:00: 1 day at 150, 1 day at 250
    const r = resolve(at('2023-01-31T00:00:00Z', '2023-02-02T00:00:00Z'));
    expect(r.source).toBe('monthly');
    expect(r.gCo2ePerKwh).toBeCloseTo(200, 10);
  });

  test('yearly when no month covers the run', () => {
    expect(resolve(at('2023-05-01T00:00:00Z', '2023-05-02T00:00:00Z'))).toMatchObject({
      source: 'yearly',
      gCo2ePerKwh: 350,
    });
  });

  test('nearest earlier year when the run year is missing, flagged', () => {
    const r = resolve(at('2025-03-01T00:00:00Z', '2025-03-02T00:00:00Z'));
    expect(r).toMatchObject({ source: 'nearest-year', gCo2ePerKwh: 350, flags: ['INTENSITY_NEAREST_YEAR'] });
  });

  test('country when the zone has no factor, flagged', () => {
    const rec = record({
      provider: 'aws',
      region: 'test-2',
      startedAt: new Date('2021-06-01T00:00:00Z'),
      endedAt: new Date('2021-06-02T00:00:00Z'),
    });
    expect(resolve(rec)).toMatchObject({
      source: 'country',
      gCo2ePerKwh: 500,
      flags: ['INTENSITY_COUNTRY_FALLBACK'],
    });
  });

  test('country nearest year is flagged twice', () => {
    const rec = record({
      provider: 'aws',
      region: 'test-2',
      startedAt: new Date('2024-06-01T00:00:00Z'),
      endedAt: new Date('2024-06-01T00:00:00Z'),
    });
    expect(resolve(rec).flags).toEqual(['INTENSITY_COUNTRY_FALLBACK', 'INTENSITY_NEAREST_YEAR']);
  });

  test('world factor from the library when nothing else matches, flagged', () => {
    const r = resolve(record({ region: 'atlantis' }));
    expect(r).toMatchObject({ source: 'world', gCo2ePerKwh: 480, flags: ['INTENSITY_WORLD_AVERAGE'] });
  });

  test('world-average constant from settings when the library has none', () => {
    const empty = indexFactorLibrary({ ...fixtureLibrary(), gridFactors: [] });
    const r = resolve(record({ region: 'atlantis' }), SETTINGS, empty);
    expect(r).toMatchObject({
      source: 'world',
      gCo2ePerKwh: SETTINGS.worldAverageGCo2ePerKwh,
      flags: ['INTENSITY_WORLD_AVERAGE'],
    });
    const direct = resolve(record({ region: 'atlantis' }), { ...SETTINGS, basis: 'direct' }, empty);
    expect(direct.flags).toEqual(['INTENSITY_WORLD_AVERAGE', 'INTENSITY_BASIS_MISMATCH']);
    expect(direct.basis).toBe(SETTINGS.worldAverageBasis);
  });

  test('direct basis uses direct factors where they exist', () => {
    const r = resolve(at('2023-05-01T00:00:00Z', '2023-05-02T00:00:00Z'), { ...SETTINGS, basis: 'direct' });
    expect(r).toMatchObject({ source: 'yearly', basis: 'direct', gCo2ePerKwh: 280, flags: [] });
  });

  test('other basis only as a flagged fallback, never silently', () => {
    const r = resolve(at('2022-05-01T00:00:00Z', '2022-05-02T00:00:00Z'), { ...SETTINGS, basis: 'direct' });
    expect(r).toMatchObject({ basis: 'lifecycle', gCo2ePerKwh: 300, flags: ['INTENSITY_BASIS_MISMATCH'] });
    expect(r.ref.basis).toBe('lifecycle');
  });

  test('without basis fallback the chain ends at the world average', () => {
    const settings = {
      ...SETTINGS,
      basis: 'direct' as const,
      allowBasisFallback: false,
      worldAverageBasis: 'direct' as const,
    };
    const r = resolve(at('2022-05-01T00:00:00Z', '2022-05-02T00:00:00Z'), settings);
    expect(r).toMatchObject({
      source: 'world',
      basis: 'direct',
      gCo2ePerKwh: settings.worldAverageGCo2ePerKwh,
    });
  });

  test('world factor on the other basis is flagged as mismatch', () => {
    const library = indexFactorLibrary({
      ...fixtureLibrary(),
      gridFactors: [gridFactor('WORLD', 'yearly', '2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z', 480)],
    });
    const r = resolve(record({ region: 'atlantis' }), { ...SETTINGS, basis: 'direct' }, library);
    expect(r.flags).toEqual(['INTENSITY_WORLD_AVERAGE', 'INTENSITY_BASIS_MISMATCH']);
  });
});

describe('a run crossing the end of a dataset is time-weighted month by month', () => {
  // Fixture zone ZZ-A: monthly factors for Jan 2023 (150) and Feb 2023 (250), the monthly coverage ends
  // 2023-03-01; the yearly 2023 factor is 350. Every run below lasts 10 days (flat power).
  const tenDaysEnding = (end: string) =>
    resolve(at(new Date(Date.parse(end) - 10 * 86_400_000).toISOString(), end));

  test('a run inside the monthly coverage reads the monthly factor', () => {
    // 2023-02-19 → 2023-03-01: 10 days × 250 / 10 = 250
    expect(tenDaysEnding('2023-03-01T00:00:00Z')).toMatchObject({ source: 'monthly', gCo2ePerKwh: 250 });
  });

  test('one day past the coverage moves the factor by one day of weight, not to the yearly factor', () => {
    // 2023-02-20 → 2023-03-02: 9 days × 250 (Feb monthly) + 1 day × 350 (2023 yearly) = 2,600 / 10 = 260
    const oneDay = tenDaysEnding('2023-03-02T00:00:00Z');
    expect(oneDay.gCo2ePerKwh).toBeCloseTo(260, 10);
    // 2023-02-21 → 2023-03-03: 8 × 250 + 2 × 350 = 2,700 / 10 = 270
    const twoDays = tenDaysEnding('2023-03-03T00:00:00Z');
    expect(twoDays.gCo2ePerKwh).toBeCloseTo(270, 10);
    // One more day moves it by (350 − 250) / 10 = 10 g/kWh — one day's weight (the old rule jumped 250 → 350).
    expect(twoDays.gCo2ePerKwh - oneDay.gCo2ePerKwh).toBeCloseTo(10, 10);
    // The label is the coarsest dataset used; the reference names the first and last factor read.
    expect(oneDay).toMatchObject({ source: 'yearly', flags: [] });
    expect(oneDay.ref.id).toBe(
      'test:ZZ-A:monthly:2023-02-01T00:00:00Z:lifecycle..test:ZZ-A:yearly:2023-01-01T00:00:00Z:lifecycle',
    );
  });

  test('a run crossing into a month, then into a year without data, weights each piece', () => {
    // 2023-01-31 12:00 → 2023-02-01 12:00: 12 h × 150 + 12 h × 250 = 4,800 / 24 = 200 (both monthly)
    expect(resolve(at('2023-01-31T12:00:00Z', '2023-02-01T12:00:00Z'))).toMatchObject({
      source: 'monthly',
      gCo2ePerKwh: 200,
    });
    // 2023-12-30 → 2024-01-03: 2 days on the 2023 yearly factor (350) and 2 days in 2024, which has no factor:
    // the nearest earlier year (2023, 350) again → 350, flagged because half the run had no factor of its own.
    expect(resolve(at('2023-12-30T00:00:00Z', '2024-01-03T00:00:00Z'))).toMatchObject({
      source: 'nearest-year',
      gCo2ePerKwh: 350,
      flags: ['INTENSITY_NEAREST_YEAR'],
    });
  });

  test('yearly datasets are weighted by the hours of the run in each year', () => {
    // Yearly 2022 = 300 and 2023 = 350; 2022-12-29 → 2023-01-02 would touch the Jan-2023 monthly factor (150),
    // so a zone with yearly data only: 3 days × 300 + 1 day × 350 = 1,250 / 4 = 312.5
    const library = indexFactorLibrary({
      ...fixtureLibrary(),
      gridFactors: [
        gridFactor('ZZ-A', 'yearly', '2022-01-01T00:00:00Z', '2023-01-01T00:00:00Z', 300),
        gridFactor('ZZ-A', 'yearly', '2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 350),
      ],
    });
    const r = resolve(at('2022-12-29T00:00:00Z', '2023-01-02T00:00:00Z'), SETTINGS, library);
    expect(r).toMatchObject({ source: 'yearly', flags: [] });
    expect(r.gCo2ePerKwh).toBeCloseTo(312.5, 10);
  });

  test('hourly data covering part of a run is used for those hours only', () => {
    // Hourly 2023-01-01 00:00–06:00 is 100, 200, …, 600; the rest of January is the monthly 150.
    // 2023-01-01 04:00 → 10:00: 1 h × 500 + 1 h × 600 + 4 h × 150 = 1,700 / 6 = 283.33…
    const r = resolve(at('2023-01-01T04:00:00Z', '2023-01-01T10:00:00Z'));
    expect(r.source).toBe('monthly');
    expect(r.gCo2ePerKwh).toBeCloseTo(1700 / 6, 10);
  });
});

test('split anywhere, the parts add up to the whole run (flat power)', () => {
  // 2023-02-25 → 2023-03-05 crosses the end of the monthly coverage (2023-03-01): 4 days × 250 + 4 days × 350
  // = 2,400 / 8 = 300. Energy-weighted parts must give the same total for any split point.
  const whole = resolve(at('2023-02-25T00:00:00Z', '2023-03-05T00:00:00Z'));
  expect(whole.gCo2ePerKwh).toBeCloseTo(300, 10);
  for (const cut of ['2023-02-27T06:00:00Z', '2023-03-01T00:00:00Z', '2023-03-03T18:30:00Z']) {
    const cutMs = Date.parse(cut);
    const first = resolve(at('2023-02-25T00:00:00Z', cut)).gCo2ePerKwh;
    const second = resolve(at(cut, '2023-03-05T00:00:00Z')).gCo2ePerKwh;
    const firstShare = (cutMs - Date.parse('2023-02-25T00:00:00Z')) / (8 * 86_400_000);
    expect(first * firstShare + second * (1 - firstShare)).toBeCloseTo(300, 9);
  }
});
