import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { computeFootprints } from './compute-footprints';
import type { EnergyContractInput } from './energy-contract';
import { indexFactorLibrary } from './index-factor-library';
import { sumFootprints } from './sum-footprints';
import { fixtureLibrary, record, SETTINGS } from './testing/fixture-library';

// Totals must not depend on the order of the rows in a file (docs/RELIABILITY.md): the same records in any
// order give the same totals, with and without energy contracts to allocate.

const lib = indexFactorLibrary(fixtureLibrary());
const T0 = Date.UTC(2023, 0, 1);
const HOUR = 3_600_000;

const arbRecord: fc.Arbitrary<TUsageRecordInput> = fc
  .record({
    startH: fc.integer({ min: 0, max: 24 * 300 }),
    durH: fc.integer({ min: 1, max: 500 }),
    region: fc.constantFrom('test-1', 'test-2', 'ZZ-A', 'atlantis', undefined),
    accelerator: fc.constantFrom('acc-x', 'acc-noidle', undefined),
    count: fc.integer({ min: 1, max: 16 }),
    energyKwh: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
  })
  .map((r) =>
    record({
      startedAt: new Date(T0 + r.startH * HOUR),
      endedAt: new Date(T0 + (r.startH + r.durH) * HOUR),
      region: r.region,
      accelerator: r.accelerator,
      acceleratorCount: r.count,
      energyKwh: r.energyKwh,
    }),
  );

const CONTRACTS: EnergyContractInput[] = [
  {
    id: 'rec-a',
    marketZone: 'ZZ-A',
    periodStart: new Date('2023-01-01T00:00:00Z'),
    periodEnd: new Date('2024-01-01T00:00:00Z'),
    mwh: 5,
    gCo2ePerKwh: 0,
    instrumentType: 'REC',
  },
];

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function expectSameTotals(a: ReturnType<typeof sumFootprints>, b: ReturnType<typeof sumFootprints>) {
  for (const key of Object.keys(a) as (keyof typeof a)[]) {
    const [x, y] = [a[key], b[key]];
    if (typeof x === 'number' && typeof y === 'number') {
      expect(close(x, y), `${String(key)}: ${x} vs ${y}`).toBe(true);
    }
  }
}

describe('order invariance of the engine', () => {
  test.each([
    ['without contracts', [] as EnergyContractInput[]],
    ['with a REC to allocate', CONTRACTS],
  ])('totals are the same for any permutation of the records (%s)', (_, contracts) => {
    fc.assert(
      fc.property(
        fc
          .array(arbRecord, { minLength: 1, maxLength: 30 })
          .chain((records) =>
            fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length })),
          ),
        ([records, shuffled]) => {
          const a = sumFootprints(computeFootprints(records, lib, SETTINGS, contracts));
          const b = sumFootprints(computeFootprints(shuffled, lib, SETTINGS, contracts));
          expectSameTotals(a, b);
        },
      ),
      { numRuns: 150 },
    );
  });
});
