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
});
