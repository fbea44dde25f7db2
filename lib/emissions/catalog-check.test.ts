import { describe, expect, test } from 'vitest';
import { createCatalogCheck } from './catalog-check';
import { indexFactorLibrary } from './index-factor-library';
import { fixtureLibrary, record } from './testing/fixture-library';

const check = createCatalogCheck(indexFactorLibrary(fixtureLibrary()));

describe('catalog check of named accelerators and regions', () => {
  test('known names, aliases and empty values pass', () => {
    expect(check(record({ accelerator: 'X100', provider: 'aws', region: 'test-1' }))).toEqual([]);
    expect(check(record({}))).toEqual([]);
  });

  test('an unknown region is an issue on the region field', () => {
    expect(check(record({ provider: 'aws', region: 'mars-north-1' }))).toEqual([
      { field: 'region', message: expect.stringMatching(/"mars-north-1" \(provider aws\) is not a known/) },
    ]);
  });

  test('an unknown accelerator is an issue only when the estimate would use its catalog power', () => {
    expect(check(record({ accelerator: 'Quantum 9000', acceleratorCount: 2 }))).toEqual([
      { field: 'accelerator', message: expect.stringMatching(/"Quantum 9000" is not in the catalog/) },
    ]);
    expect(check(record({ accelerator: 'Quantum 9000', energyKwh: 5 }))).toEqual([]);
    expect(check(record({ accelerator: 'Quantum 9000', acceleratorPowerW: 300 }))).toEqual([]);
    expect(check(record({ accelerator: 'Quantum 9000', requests: 10, energyPerRequestWh: 1 }))).toEqual([]);
  });

  test('a repeated name combination gets the same answer as its first check, other combinations their own', () => {
    const repeat = createCatalogCheck(indexFactorLibrary(fixtureLibrary()));
    const unknown = record({ provider: 'aws', region: 'mars-north-1', accelerator: 'X100' });
    const first = repeat(unknown);
    expect(first).toHaveLength(1);
    expect(repeat({ ...unknown, team: 'other team', acceleratorCount: 4 })).toEqual(first);
    // Same region without a provider is another combination (its message names no provider).
    expect(repeat(record({ region: 'mars-north-1' }))).toEqual([
      { field: 'region', message: expect.stringMatching(/"mars-north-1" is not a known/) },
    ]);
    expect(repeat(record({ provider: 'aws', region: 'test-1' }))).toEqual([]);
  });
});
