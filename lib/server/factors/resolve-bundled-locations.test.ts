import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { resolveLocationIntensity } from '@/lib/emissions/grid-intensity';
import { type IndexedFactorLibrary, indexFactorLibrary } from '@/lib/emissions/index-factor-library';
import { DEFAULT_METHODOLOGY_SETTINGS } from '@/lib/emissions/methodology-settings';
import { resolveLocation } from '@/lib/emissions/resolve-location';
import { csvRows } from '@/lib/factors/csv-rows';
import { codecarbonLocation } from '@/lib/ingest/codecarbon-location';
import type { TProvider, TUsageRecordInput } from '@/lib/schemas/usage-record';
import { loadBundledFactorLibrary } from './load-bundled-factor-library';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let lib: IndexedFactorLibrary;

beforeAll(() => {
  lib = indexFactorLibrary(loadBundledFactorLibrary(path.join(ROOT, 'reference')));
});

// Written by hand from the providers' public region pages (AWS Regions, Google Cloud locations, Azure regions
// list, OCI Regions and Availability Domains), independently of reference/cloud-regions/.
const REGION_TABLE = csvRows(
  readFileSync(path.join(ROOT, 'lib/emissions/testing/cloud-region-countries.csv'), 'utf8'),
);

const record = (provider: TProvider | undefined, region: string, start = '2024-06-01T00:00:00Z') => {
  const startedAt = new Date(start);
  const rec: TUsageRecordInput = {
    phase: 'training',
    startedAt,
    endedAt: new Date(startedAt.getTime() + 86_400_000),
    energyKwh: 1,
    region,
  };
  return provider ? { ...rec, provider } : rec;
};

describe('bundled cloud regions resolve to the right country', () => {
  test('the table covers the four providers', () => {
    const providers = new Set(REGION_TABLE.map((r) => r.provider));
    expect([...providers].sort()).toEqual(['aws', 'azure', 'gcp', 'oci']);
    expect(REGION_TABLE.length).toBeGreaterThan(170);
  });

  test.each(REGION_TABLE)('$provider $region ($place) → $expected_country', (row) => {
    const where = resolveLocation(record(row.provider as TProvider, row.region ?? ''), lib);
    expect(where).toMatchObject({
      countryCode: row.expected_country,
      matchedBy: 'provider-region',
      flags: [],
    });
  });

  test('OCI codes whose first letters look like another country', () => {
    for (const provider of ['oci', undefined] as const) {
      expect(resolveLocation(record(provider, 'sa-saopaulo-1'), lib).countryCode).toBe('BR');
      expect(resolveLocation(record(provider, 'af-johannesburg-1'), lib).countryCode).toBe('ZA');
      expect(resolveLocation(record(provider, 'me-jeddah-1'), lib).countryCode).toBe('SA');
    }
  });

  test('AWS availability zones and GCP zones resolve to their region', () => {
    expect(resolveLocation(record('aws', 'us-west-2b'), lib)).toMatchObject({
      gridZone: 'US-OR',
      matchedBy: 'availability-zone',
    });
    expect(resolveLocation(record('gcp', 'europe-west4-a'), lib)).toMatchObject({
      countryCode: 'NL',
      matchedBy: 'availability-zone',
    });
  });

  test('an invented code is LOCATION_UNKNOWN, with or without a provider', () => {
    for (const provider of ['oci', 'aws', undefined] as const) {
      expect(resolveLocation(record(provider, 'xx-nowhere-9'), lib)).toMatchObject({
        gridZone: null,
        countryCode: null,
        flags: ['LOCATION_UNKNOWN'],
      });
    }
    // A real region code under the wrong provider is not taken from the other provider either.
    expect(resolveLocation(record('aws', 'sa-saopaulo-1'), lib).flags).toEqual(['LOCATION_UNKNOWN']);
  });

  test('every bundled region points at a grid zone that has factors', () => {
    const missing = lib.library.locations
      .filter((l) => !lib.gridZones.has(l.gridZone.toUpperCase()))
      .map((l) => `${l.provider} ${l.regionCode} → ${l.gridZone}`);
    expect(missing).toEqual([]);
  });
});

describe('countries as ISO alpha-2, alpha-3 or English name', () => {
  test.each([
    ['FRA', 'FR', 'country-alpha3'],
    ['usa', 'US', 'country-alpha3'],
    ['DEU', 'DE', 'country-alpha3'],
    ['BRA', 'BR', 'country-alpha3'],
    ['France', 'FR', 'country-name'],
    ['United States', 'US', 'country-name'],
    ['United States of America', 'US', 'country-name'],
    ['United Kingdom', 'GB', 'country-name'],
    ['South Korea', 'KR', 'country-name'],
    ['Turkey', 'TR', 'country-name'],
    ['Türkiye', 'TR', 'country-name'],
    ["Cote d'Ivoire", 'CI', 'country-name'],
    ['FR', 'FR', 'grid-zone'],
    // A name is a country, never a US state; the state is its zone id.
    ['Georgia', 'GE', 'country-name'],
  ])('%s → %s (%s)', (region, country, matchedBy) => {
    expect(resolveLocation(record('on_prem', region), lib)).toMatchObject({
      gridZone: country,
      countryCode: country,
      matchedBy,
      flags: [],
    });
  });
});

describe('regions in countries with sub-national zones get the zone of their city', () => {
  // Indian regional grids (Maharashtra and Gujarat: Western; Telangana and Tamil Nadu: Southern; Delhi: Northern),
  // Japanese areas, Brazil's South-East/Centre-West subsystem, Italy's North and Norway's NO1/NO2 bidding zones.
  test.each([
    ['aws', 'ap-south-1', 'IN-WE'],
    ['azure', 'jioindiawest', 'IN-WE'],
    ['aws', 'ap-south-2', 'IN-SO'],
    ['azure', 'southindia', 'IN-SO'],
    ['gcp', 'asia-south2', 'IN-NO'],
    ['azure', 'japaneast', 'JP-TK'],
    ['gcp', 'asia-northeast2', 'JP-KN'],
    ['oci', 'sa-saopaulo-1', 'BR-CS'],
    ['gcp', 'europe-west12', 'IT-NO'],
    ['azure', 'norwaywest', 'NO-NO2'],
    ['aws', 'ca-central-1', 'CA-QC'],
    ['oci', 'ca-toronto-1', 'CA-ON'],
    ['azure', 'australiasoutheast', 'AU-VIC'],
  ] as const)('%s %s → %s', (provider, region, zone) => {
    expect(resolveLocation(record(provider, region), lib).gridZone).toBe(zone);
  });
});

describe('CodeCarbon locations', () => {
  test('an off-cloud row of examples_emissions.csv (country_iso_code FRA) is France, not the world average', () => {
    const { provider, region } = codecarbonLocation({ countryIso: 'FRA', region: 'île-de-france' }, {});
    expect(resolveLocation({ provider, region }, lib)).toMatchObject({
      gridZone: 'FR',
      countryCode: 'FR',
      matchedBy: 'country-alpha3',
      flags: [],
    });
  });

  test('a GCP row keeps its cloud region', () => {
    const { provider, region } = codecarbonLocation(
      { cloudProvider: 'gcp', cloudRegion: 'europe-west1', countryIso: 'BEL' },
      {},
    );
    expect(resolveLocation({ provider, region }, lib)).toMatchObject({
      gridZone: 'BE',
      matchedBy: 'provider-region',
    });
  });
});

describe('US regions get their state grid (Ember sub-national)', () => {
  test.each([
    ['aws', 'us-west-2', 'US-OR'],
    ['gcp', 'us-west1', 'US-OR'],
    ['gcp', 'us-central1', 'US-IA'],
    ['azure', 'westus2', 'US-WA'],
    ['oci', 'us-phoenix-1', 'US-AZ'],
    ['on_prem', 'US-GA', 'US-GA'],
    // Virginia and northern California keep their balancing authority (PJM, CAISO), which has hourly data.
    ['aws', 'us-east-1', 'US-MIDA-PJM'],
    ['oci', 'us-sanjose-1', 'US-CAL-CISO'],
  ] as const)('%s %s → %s', (provider, region, zone) => {
    expect(resolveLocation(record(provider, region), lib).gridZone).toBe(zone);
  });

  const intensity = (start: string, days: number) => {
    const rec = record('aws', 'us-west-2', start);
    const run = { ...rec, endedAt: new Date(rec.startedAt.getTime() + days * 86_400_000) };
    return resolveLocationIntensity(run, resolveLocation(run, lib), lib, DEFAULT_METHODOLOGY_SETTINGS);
  };

  test('AWS us-west-2 in June 2024 is Oregon June 2024', () => {
    // subnational_monthly_ember.csv: "United States,Oregon,2024-06,5284.94,916.89,173.49".
    expect(intensity('2024-06-01T00:00:00Z', 1)).toMatchObject({
      gCo2ePerKwh: 173.49,
      source: 'monthly',
      basis: 'lifecycle',
      flags: [],
    });
  });

  test('a run across two months is weighted by time', () => {
    // 2024-05-15 → 2024-06-15: 17 days of May (121.25) and 14 days of June (173.49).
    const expected = (17 * 121.25 + 14 * 173.49) / 31;
    expect(intensity('2024-05-15T00:00:00Z', 31).gCo2ePerKwh).toBeCloseTo(expected, 6);
  });

  test('after the monthly coverage, the latest Oregon year, flagged', () => {
    // Monthly data end 2025-01 and yearly 2024: "United States,Oregon,2024,63885.3,13010.66,203.66".
    expect(intensity('2025-06-01T00:00:00Z', 1)).toMatchObject({
      gCo2ePerKwh: 203.66,
      flags: ['INTENSITY_NEAREST_YEAR'],
    });
  });
});
