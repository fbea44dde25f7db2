import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { FactorBasis, FactorGranularity, FactorLibrary, GridFactor } from '../factor-library-types';
import { DEFAULT_METHODOLOGY_SETTINGS, type MethodologySettings } from '../methodology-settings';

/** Small hand-made library for unit tests: every value is chosen so expectations can be computed by hand. */
export function gridFactor(
  zone: string,
  granularity: FactorGranularity,
  start: string,
  end: string,
  gCo2ePerKwh: number,
  basis: FactorBasis = 'lifecycle',
): GridFactor {
  return {
    id: `test:${zone}:${granularity}:${start}:${basis}`,
    zone,
    granularity,
    periodStart: new Date(start),
    periodEnd: new Date(end),
    gCo2ePerKwh,
    basis,
    source: 'test',
    licence: 'test',
    datasetVersion: 'test-1',
  };
}

const hour = (h: number) => `2023-01-01T0${h}:00:00Z`;

export function fixtureLibrary(): FactorLibrary {
  return {
    accelerators: [
      {
        id: 'acc-x',
        name: 'Accel X',
        aliases: ['X-100 SXM', 'X100'],
        tdpW: 400,
        idleW: 40,
        memoryGb: 80,
        embodiedKgCo2e: 100,
        embodiedLowKgCo2e: 80,
        embodiedHighKgCo2e: 130,
        source: 'test',
        datasetVersion: 'test-1',
      },
      {
        id: 'acc-noidle',
        name: 'Accel No Idle',
        aliases: [],
        tdpW: 300,
        idleW: null,
        memoryGb: null,
        embodiedKgCo2e: 150,
        embodiedLowKgCo2e: 150,
        embodiedHighKgCo2e: 150,
        source: 'test',
        datasetVersion: 'test-1',
      },
    ],
    locations: [
      {
        provider: 'aws',
        regionCode: 'test-1',
        gridZone: 'ZZ-A',
        countryCode: 'ZZ',
        pue: 1.2,
        wueLPerKwh: 0.5,
        source: 'test',
        datasetVersion: 'test-1',
      },
      {
        provider: 'aws',
        regionCode: 'test-2',
        gridZone: 'ZZ-B',
        countryCode: 'ZZ',
        pue: null,
        wueLPerKwh: null,
        source: 'test',
        datasetVersion: 'test-1',
      },
      {
        provider: 'aws',
        regionCode: 'shared-1',
        gridZone: 'ZZ-A',
        countryCode: 'ZZ',
        pue: null,
        wueLPerKwh: null,
        source: 'test',
        datasetVersion: 'test-1',
      },
      {
        provider: 'gcp',
        regionCode: 'shared-1',
        gridZone: 'ZZ-B',
        countryCode: 'ZZ',
        pue: null,
        wueLPerKwh: null,
        source: 'test',
        datasetVersion: 'test-1',
      },
      {
        provider: 'gcp',
        regionCode: 'only-gcp',
        gridZone: 'ZZ-B',
        countryCode: null,
        pue: null,
        wueLPerKwh: null,
        source: 'test',
        datasetVersion: 'test-1',
      },
    ],
    gridFactors: [
      ...[100, 200, 300, 400, 500, 600].map((v, h) => gridFactor('ZZ-A', 'hourly', hour(h), hour(h + 1), v)),
      gridFactor('ZZ-A', 'monthly', '2023-01-01T00:00:00Z', '2023-02-01T00:00:00Z', 150),
      gridFactor('ZZ-A', 'monthly', '2023-02-01T00:00:00Z', '2023-03-01T00:00:00Z', 250),
      gridFactor('ZZ-A', 'yearly', '2022-01-01T00:00:00Z', '2023-01-01T00:00:00Z', 300),
      gridFactor('ZZ-A', 'yearly', '2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 350),
      gridFactor('ZZ-A', 'yearly', '2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 280, 'direct'),
      gridFactor('ZZ', 'yearly', '2021-01-01T00:00:00Z', '2022-01-01T00:00:00Z', 500),
      gridFactor('WORLD', 'yearly', '2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z', 480),
    ],
    residualMixes: [
      gridFactor('ZZ-A', 'yearly', '2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 600, 'direct'),
    ],
    ewif: [
      { id: 'ewif:ZZ-A', zone: 'ZZ-A', lPerKwh: 2, source: 'test', datasetVersion: 'test-1' },
      { id: 'ewif:ZZ', zone: 'ZZ', lPerKwh: 3, source: 'test', datasetVersion: 'test-1' },
    ],
    providerDefaults: [
      {
        provider: 'aws',
        pue: 1.15,
        pueSource: 'test',
        wueLPerKwh: 0.2,
        wueSource: 'test',
        datasetVersion: 'test-1',
      },
      {
        provider: 'gcp',
        pue: 1.1,
        pueSource: 'test',
        wueLPerKwh: null,
        wueSource: '',
        datasetVersion: 'test-1',
      },
    ],
  };
}

export const SETTINGS: MethodologySettings = { ...DEFAULT_METHODOLOGY_SETTINGS };

/** A minimal valid record (1 h on 2023-01-01, 00:00–01:00 UTC) with overrides. */
export function record(overrides: Partial<TUsageRecordInput> = {}): TUsageRecordInput {
  return {
    phase: 'training',
    startedAt: new Date('2023-01-01T00:00:00Z'),
    endedAt: new Date('2023-01-01T01:00:00Z'),
    ...overrides,
  };
}

/** The numeric outputs of a record footprint (kWh, kg CO2e, L) that property tests check. */
export const FOOTPRINT_NUMBER_FIELDS = [
  'itEnergyKwh',
  'energyKwh',
  'locationKgCo2e',
  'marketKgCo2e',
  'embodiedKgCo2e',
  'waterOnsiteL',
  'waterOffsiteL',
  'uncertaintyLowKgCo2e',
  'uncertaintyHighKgCo2e',
] as const;
