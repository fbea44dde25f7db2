import { parsePeriodKey } from '@/lib/emissions/calendar-periods';
import type { TReportRecordRow } from '../aggregate-types';
import { assembleQuarterAggregates } from '../assemble-aggregates';

/** A record row with zeros everywhere except what the test sets. */
export function row(
  overrides: Partial<TReportRecordRow> & Pick<TReportRecordRow, 'id' | 'startedAt' | 'endedAt'>,
): TReportRecordRow {
  return {
    phase: 'inference',
    provider: 'aws',
    region: 'eu-west-1',
    gridZone: 'IE',
    model: null,
    team: null,
    aiService: null,
    itEnergyKwh: 0,
    facilityEnergyKwh: 0,
    locationKgCo2e: 0,
    marketKgCo2e: 0,
    marketMatchedKwh: 0,
    embodiedKgCo2e: 0,
    waterOnsiteL: 0,
    waterOffsiteL: 0,
    uncertaintyLowKgCo2e: 0,
    uncertaintyHighKgCo2e: 0,
    isMeasured: false,
    deviceHours: 0,
    requests: null,
    tokens: null,
    methodologyVersion: 'test-1',
    factorRefs: [],
    marketAllocations: [],
    assumptionFlags: [],
    ...overrides,
  };
}

/**
 * Two records, hand-computable: an on-premise run inside 2026-Q3 and a cloud run straddling 30 Jun/1 Jul
 * (24 h, half in Q2, half in Q3).
 */
export const FIXTURE_ROWS: TReportRecordRow[] = [
  row({
    id: 'owned-1',
    startedAt: new Date('2026-07-01T00:00:00Z'),
    endedAt: new Date('2026-07-02T00:00:00Z'),
    phase: 'training',
    provider: 'on_prem',
    region: 'fra-dc1',
    gridZone: 'DE',
    team: 'Research',
    itEnergyKwh: 80,
    facilityEnergyKwh: 100,
    locationKgCo2e: 50,
    marketKgCo2e: 20,
    marketMatchedKwh: 60,
    embodiedKgCo2e: 4,
    waterOnsiteL: 1000,
    waterOffsiteL: 500,
    uncertaintyLowKgCo2e: 45,
    uncertaintyHighKgCo2e: 55,
    isMeasured: true,
    deviceHours: 24,
    factorRefs: [
      {
        id: 'ef:DE:2026',
        kind: 'grid-intensity',
        value: 500,
        unit: 'gCO2e/kWh',
        source: 'Ember',
        datasetVersion: '2026-01',
        basis: 'direct',
      },
    ],
    marketAllocations: [{ contractId: 'ppa-de', instrumentType: 'PPA', energyKwh: 60, gCo2ePerKwh: 0 }],
    assumptionFlags: [],
  }),
  row({
    id: 'cloud-1',
    startedAt: new Date('2026-06-30T12:00:00Z'),
    endedAt: new Date('2026-07-01T12:00:00Z'),
    provider: 'aws',
    model: 'chat-v2',
    itEnergyKwh: 160,
    facilityEnergyKwh: 200,
    locationKgCo2e: 80,
    marketKgCo2e: 60,
    waterOnsiteL: 400,
    waterOffsiteL: 200,
    uncertaintyLowKgCo2e: 60,
    uncertaintyHighKgCo2e: 100,
    deviceHours: 48,
    requests: 1000,
    tokens: 2_000_000,
    factorRefs: [
      {
        id: 'ef:IE:2026',
        kind: 'grid-intensity',
        value: 400,
        unit: 'gCO2e/kWh',
        source: 'Ember',
        datasetVersion: '2026-01',
        basis: 'direct',
      },
      {
        id: 'default:pue',
        kind: 'pue',
        value: 1.25,
        unit: 'ratio',
        source: '=cmd|evil',
        datasetVersion: 'settings',
      },
    ],
    assumptionFlags: ['ENERGY_FROM_TDP_MODEL', 'PUE_PROVIDER_DEFAULT'],
  }),
];

export function fixtureAggregates(key = '2026-Q3', rows: readonly TReportRecordRow[] = FIXTURE_ROWS) {
  const period = parsePeriodKey(key, 'UTC');
  if (!period) {
    throw new Error('bad key');
  }
  return assembleQuarterAggregates({
    org: { id: 'org-1', name: 'Test Org', timeZone: 'UTC' },
    period,
    rows,
    energyContracts: [
      {
        reference: 'ppa-de',
        instrumentType: 'PPA',
        marketZone: 'DE',
        periodStart: new Date('2026-01-01T00:00:00Z'),
        periodEnd: new Date('2027-01-01T00:00:00Z'),
        volumeMwh: 10,
        gCo2ePerKwh: 0,
        supplier: 'Wind GmbH',
      },
    ],
    restatements: [],
    licences: new Map([['ef:DE:2026', 'CC BY 4.0']]),
  });
}
