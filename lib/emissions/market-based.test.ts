import { describe, expect, test } from 'vitest';
import { computeFootprints } from './compute-footprints';
import type { EnergyContractInput } from './energy-contract';
import { fixtureLibrary, record, SETTINGS } from './testing/fixture-library';

const lib = fixtureLibrary();
// Each record: 1,000 kWh IT, PUE 1 → 1,000 kWh facility in zone ZZ-A (country ZZ), 2023.
const rec = (start: string, end: string, id: string) =>
  record({
    recordId: id,
    provider: 'aws',
    region: 'test-1',
    pue: 1,
    energyKwh: 1000,
    startedAt: new Date(start),
    endedAt: new Date(end),
  });
const contract = (overrides: Partial<EnergyContractInput>): EnergyContractInput => ({
  id: 'c',
  marketZone: 'ZZ-A',
  periodStart: new Date('2023-01-01T00:00:00Z'),
  periodEnd: new Date('2024-01-01T00:00:00Z'),
  mwh: 1,
  gCo2ePerKwh: 0,
  instrumentType: 'REC',
  ...overrides,
});
const RESIDUAL = 600; // fixture residual mix for ZZ-A 2023

describe('market-based allocation', () => {
  test('no contracts: residual mix for the market', () => {
    const [fp] = computeFootprints([rec('2023-03-01', '2023-03-02', 'a')], lib, SETTINGS, []);
    expect(fp?.marketKgCo2e).toBeCloseTo((1000 * RESIDUAL) / 1000, 9);
    expect(fp?.assumptions).not.toContain('MARKET_RESIDUAL_MIX_UNAVAILABLE');
    expect(fp?.factorRefs.some((r) => r.kind === 'residual-mix')).toBe(true);
  });

  test('partial REC cover: contract rate on matched kWh, residual on the rest', () => {
    const [fp] = computeFootprints([rec('2023-03-01', '2023-03-02', 'a')], lib, SETTINGS, [
      contract({ mwh: 0.4, gCo2ePerKwh: 10 }),
    ]);
    expect(fp?.marketMatchedKwh).toBeCloseTo(400, 9);
    expect(fp?.marketKgCo2e).toBeCloseTo((400 * 10 + 600 * RESIDUAL) / 1000, 9);
    expect(fp?.marketAllocations).toEqual([
      { contractId: 'c', instrumentType: 'REC', energyKwh: 400, gCo2ePerKwh: 10 },
    ]);
  });

  test('contract volume is shared across records in start order and never double counted', () => {
    const records = [rec('2023-05-01', '2023-05-02', 'late'), rec('2023-04-01', '2023-04-02', 'early')];
    const fps = computeFootprints(records, lib, SETTINGS, [contract({ mwh: 1.5 })]);
    expect(fps[1]?.marketMatchedKwh).toBeCloseTo(1000, 9);
    expect(fps[0]?.marketMatchedKwh).toBeCloseTo(500, 9);
    expect(fps[0]?.marketKgCo2e).toBeCloseTo((500 * RESIDUAL) / 1000, 9);
  });

  test('an exhausted contract stops matching further records', () => {
    const records = ['01', '02', '03'].map((day) => rec(`2023-06-${day}`, `2023-06-${day}T12:00:00Z`, day));
    const fps = computeFootprints(records, lib, SETTINGS, [contract({ mwh: 0.5 })]);
    expect(fps.map((f) => f.marketMatchedKwh)).toEqual([500, 0, 0]);
  });

  test('certificates are applied before supplier rates', () => {
    const contracts = [
      contract({ id: 'supplier', instrumentType: 'SUPPLIER_RATE', mwh: 1, gCo2ePerKwh: 100 }),
      contract({ id: 'go', instrumentType: 'GO', mwh: 0.25, gCo2ePerKwh: 0 }),
    ];
    const [fp] = computeFootprints([rec('2023-03-01', '2023-03-02', 'a')], lib, SETTINGS, contracts);
    expect(fp?.marketAllocations.map((a) => [a.contractId, a.energyKwh])).toEqual([
      ['go', 250],
      ['supplier', 750],
    ]);
    expect(fp?.marketKgCo2e).toBeCloseTo((750 * 100) / 1000, 9);
  });

  test('only the part of a run inside the contract period is matched (time share)', () => {
    // Run spans Dec 31 2022 12:00 → Jan 1 2023 12:00; contract covers 2023 only → half of 1,000 kWh.
    const fps = computeFootprints([rec('2022-12-31T12:00:00Z', '2023-01-01T12:00:00Z', 'a')], lib, SETTINGS, [
      contract({ mwh: 10, instrumentType: 'PPA' }),
    ]);
    expect(fps[0]?.marketMatchedKwh).toBeCloseTo(500, 9);
  });

  test('contracts in another market or period do not apply', () => {
    const contracts = [
      contract({ marketZone: 'QQ' }),
      contract({ periodStart: new Date('2024-01-01'), periodEnd: new Date('2025-01-01') }),
    ];
    const [fp] = computeFootprints([rec('2023-03-01', '2023-03-02', 'a')], lib, SETTINGS, contracts);
    expect(fp?.marketMatchedKwh).toBe(0);
  });

  test('a country-wide contract matches records in zones of that country', () => {
    const [fp] = computeFootprints([rec('2023-03-01', '2023-03-02', 'a')], lib, SETTINGS, [
      contract({ marketZone: 'zz', instrumentType: 'GREEN_TARIFF' }),
    ]);
    expect(fp?.marketMatchedKwh).toBeCloseTo(1000, 9);
    expect(fp?.marketKgCo2e).toBe(0);
  });

  test('zero-length runs are matched when the contract contains their instant', () => {
    const [fp] = computeFootprints(
      [rec('2023-03-01T00:00:00Z', '2023-03-01T00:00:00Z', 'a')],
      lib,
      SETTINGS,
      [contract({})],
    );
    expect(fp?.marketMatchedKwh).toBeCloseTo(1000, 9);
  });

  test('no residual mix: grid average, flagged', () => {
    const r = record({
      provider: 'aws',
      region: 'test-2',
      pue: 1,
      energyKwh: 100,
      carbonIntensityGPerKwh: 400,
    });
    const [fp] = computeFootprints([r], lib, SETTINGS, []);
    expect(fp?.marketKgCo2e).toBeCloseTo((100 * 400) / 1000, 9);
    expect(fp?.assumptions).toContain('MARKET_RESIDUAL_MIX_UNAVAILABLE');
  });

  test('residual mix outside its period falls back to the latest earlier one', () => {
    const [fp] = computeFootprints([rec('2025-03-01', '2026-03-02', 'a')], lib, SETTINGS, []);
    expect(fp?.marketKgCo2e).toBeCloseTo((1000 * RESIDUAL) / 1000, 9);
  });
});
