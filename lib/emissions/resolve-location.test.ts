import { describe, expect, test } from 'vitest';
import { resolveEfficiency } from './facility-efficiency';
import { indexFactorLibrary } from './index-factor-library';
import { countryOfZone, resolveLocation } from './resolve-location';
import { fixtureLibrary, record, SETTINGS } from './testing/fixture-library';

const lib = indexFactorLibrary(fixtureLibrary());

describe('resolveLocation', () => {
  test('provider + region from the location table', () => {
    const where = resolveLocation(record({ provider: 'aws', region: 'Test 1' }), lib);
    expect(where).toMatchObject({
      gridZone: 'ZZ-A',
      countryCode: 'ZZ',
      provider: 'aws',
      matchedBy: 'provider-region',
      flags: [],
    });
  });

  test('region without provider matches when unambiguous, and infers the provider', () => {
    expect(resolveLocation(record({ region: 'test-2' }), lib)).toMatchObject({
      gridZone: 'ZZ-B',
      provider: 'aws',
    });
    expect(resolveLocation(record({ region: 'only-gcp' }), lib)).toMatchObject({
      countryCode: 'ZZ',
      provider: 'gcp',
    });
  });

  test('ambiguous region without provider is not guessed', () => {
    expect(resolveLocation(record({ region: 'shared-1' }), lib).flags).toEqual(['LOCATION_UNKNOWN']);
    expect(resolveLocation(record({ provider: 'gcp', region: 'shared-1' }), lib).gridZone).toBe('ZZ-B');
  });

  test('region read as grid zone or country code', () => {
    expect(resolveLocation(record({ provider: 'on_prem', region: 'zz-a' }), lib)).toMatchObject({
      gridZone: 'ZZ-A',
      countryCode: 'ZZ',
    });
    expect(resolveLocation(record({ region: 'ZZ-A' }), lib).matchedBy).toBe('grid-zone');
  });

  test('an availability zone resolves to its listed region', () => {
    expect(resolveLocation(record({ provider: 'aws', region: 'test-1a' }), lib)).toMatchObject({
      gridZone: 'ZZ-A',
      matchedBy: 'availability-zone',
    });
    expect(resolveLocation(record({ region: 'test-2-c' }), lib)).toMatchObject({
      gridZone: 'ZZ-B',
      provider: 'aws',
      matchedBy: 'availability-zone',
    });
    // Only one trailing letter after the region's digit, and only for regions in the table.
    expect(resolveLocation(record({ provider: 'aws', region: 'test-1ab' }), lib).flags).toEqual([
      'LOCATION_UNKNOWN',
    ]);
    expect(resolveLocation(record({ region: 'nowhere-9a' }), lib).flags).toEqual(['LOCATION_UNKNOWN']);
  });

  test('an unknown code is never read by its first letters', () => {
    // ZZ has factors, but ZZ-NEW is no zone of the library: guessing the country from the prefix is how
    // OCI sa-saopaulo-1 used to become Saudi Arabia.
    expect(resolveLocation(record({ region: 'ZZ-NEW' }), lib)).toMatchObject({
      gridZone: null,
      countryCode: null,
      matchedBy: null,
      flags: ['LOCATION_UNKNOWN'],
    });
    expect(resolveLocation(record({ region: 'zz-nowhere-9' }), lib).flags).toEqual(['LOCATION_UNKNOWN']);
  });

  test('alpha-3 codes and English country names from the library country table', () => {
    const withCountries = indexFactorLibrary({
      ...fixtureLibrary(),
      countries: [{ alpha2: 'ZZ', alpha3: 'ZZZ', names: ['Zedland', 'Republic of Zëdland'] }],
    });
    const where = (region: string) => resolveLocation(record({ region }), withCountries);
    expect(where('ZZZ')).toMatchObject({ gridZone: 'ZZ', countryCode: 'ZZ', matchedBy: 'country-alpha3' });
    expect(where('zedland')).toMatchObject({ gridZone: 'ZZ', matchedBy: 'country-name' });
    // Diacritics, case and spaces do not matter.
    expect(where('REPUBLIC OF ZEDLAND')).toMatchObject({ countryCode: 'ZZ', matchedBy: 'country-name' });
    // A zone id with factors is read as a zone first.
    expect(where('ZZ').matchedBy).toBe('grid-zone');
    expect(where('Zedlandia').flags).toEqual(['LOCATION_UNKNOWN']);
    // Without the table (a library built without it), alpha-3 is not recognised rather than guessed.
    expect(resolveLocation(record({ region: 'ZZZ' }), lib).flags).toEqual(['LOCATION_UNKNOWN']);
  });

  test('unknown or missing region is flagged', () => {
    expect(resolveLocation(record({ region: 'atlantis' }), lib)).toMatchObject({
      gridZone: null,
      flags: ['LOCATION_UNKNOWN'],
    });
    expect(resolveLocation(record({ provider: 'aws' }), lib)).toMatchObject({
      provider: 'aws',
      flags: ['LOCATION_UNKNOWN'],
    });
  });

  test('countryOfZone', () => {
    expect(countryOfZone('us-mida-pjm')).toBe('US');
    expect(countryOfZone('WORLD')).toBeNull();
  });
});

describe('PUE and WUE precedence', () => {
  const resolve = (metric: 'pue' | 'wue', overrides: Parameters<typeof record>[0]) => {
    const rec = record(overrides);
    return resolveEfficiency(metric, rec, resolveLocation(rec, lib), lib, SETTINGS);
  };

  test('row value first', () => {
    expect(resolve('pue', { provider: 'aws', region: 'test-1', pue: 1.4 })).toMatchObject({
      value: 1.4,
      level: 'row',
      flags: [],
    });
    expect(resolve('wue', { provider: 'aws', region: 'test-1', wueLPerKwh: 0.9 })).toMatchObject({
      value: 0.9,
      level: 'row',
    });
  });

  test('location (provider-published) second', () => {
    expect(resolve('pue', { provider: 'aws', region: 'test-1' })).toMatchObject({
      value: 1.2,
      level: 'location',
      flags: [],
    });
    expect(resolve('wue', { provider: 'aws', region: 'test-1' })).toMatchObject({
      value: 0.5,
      level: 'location',
    });
  });

  test('provider fleet default third, flagged', () => {
    expect(resolve('pue', { provider: 'aws', region: 'test-2' })).toMatchObject({
      value: 1.15,
      flags: ['PUE_PROVIDER_DEFAULT'],
    });
    expect(resolve('wue', { provider: 'aws', region: 'test-2' })).toMatchObject({
      value: 0.2,
      flags: ['WUE_PROVIDER_DEFAULT'],
    });
  });

  test('industry default last, flagged (on-premise, or provider without a published value)', () => {
    expect(resolve('pue', { provider: 'on_prem', region: 'ZZ' })).toMatchObject({
      value: SETTINGS.defaultPue,
      flags: ['PUE_INDUSTRY_DEFAULT'],
    });
    expect(resolve('wue', { provider: 'gcp', region: 'only-gcp' })).toMatchObject({
      value: SETTINGS.defaultWueLPerKwh,
      flags: ['WUE_INDUSTRY_DEFAULT'],
    });
  });
});
