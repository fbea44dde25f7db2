import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { computeFootprints, computeRecordFootprint } from './compute-footprints';
import { indexFactorLibrary } from './index-factor-library';
import { sumFootprints } from './sum-footprints';
import { FOOTPRINT_NUMBER_FIELDS, fixtureLibrary, record, SETTINGS } from './testing/fixture-library';

const lib = indexFactorLibrary(fixtureLibrary());
const T0 = Date.UTC(2022, 11, 20);
const HOUR = 3_600_000;

const arbRecord: fc.Arbitrary<TUsageRecordInput> = fc
  .record({
    startH: fc.integer({ min: 0, max: 24 * 60 }),
    durH: fc.double({ min: 0, max: 2000, noNaN: true }),
    region: fc.constantFrom('test-1', 'test-2', 'ZZ', 'atlantis', undefined),
    provider: fc.constantFrom('aws', 'gcp', 'on_prem', undefined),
    accelerator: fc.constantFrom('acc-x', 'acc-noidle', 'unknown-chip', undefined),
    count: fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
    powerW: fc.option(fc.double({ min: 0, max: 2000, noNaN: true }), { nil: undefined }),
    energyKwh: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
    utilization: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    pue: fc.option(fc.double({ min: 1, max: 3, noNaN: true }), { nil: undefined }),
  })
  .map((r) =>
    record({
      startedAt: new Date(T0 + r.startH * HOUR),
      endedAt: new Date(T0 + r.startH * HOUR + r.durH * HOUR),
      region: r.region,
      provider: r.provider as TUsageRecordInput['provider'],
      accelerator: r.accelerator,
      acceleratorCount: r.count,
      acceleratorPowerW: r.powerW,
      energyKwh: r.energyKwh,
      utilization: r.utilization,
      pue: r.pue,
    }),
  );

const NUMERIC_FIELDS = FOOTPRINT_NUMBER_FIELDS;

// Flat factors: row intensity, row PUE/WUE, stated power; region test-2 has no residual mix or hourly data.
describe('properties', () => {
  test('results are finite, non-negative and the range brackets the estimate', () => {
    fc.assert(
      fc.property(arbRecord, (rec) => {
        const fp = computeRecordFootprint(rec, lib, SETTINGS);
        for (const field of NUMERIC_FIELDS) {
          expect(Number.isFinite(fp[field]) && fp[field] >= 0).toBe(true);
        }
        expect(fp.uncertaintyLowKgCo2e).toBeLessThanOrEqual(fp.locationKgCo2e + 1e-9);
        expect(fp.uncertaintyHighKgCo2e).toBeGreaterThanOrEqual(fp.locationKgCo2e - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  test('additive over splitting the period when factors are flat', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 16 }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        (hours, cut, count, powerW) => {
          const flat = {
            carbonIntensityGPerKwh: 250,
            pue: 1.3,
            wueLPerKwh: 0.4,
            acceleratorCount: count,
            acceleratorPowerW: powerW,
            accelerator: 'acc-x',
            region: 'test-2',
            provider: 'aws' as const,
          };
          const s = T0;
          const m = T0 + cut * hours * HOUR;
          const e = T0 + hours * HOUR;
          const whole = computeRecordFootprint(
            record({ ...flat, startedAt: new Date(s), endedAt: new Date(e) }),
            lib,
            SETTINGS,
          );
          const parts = sumFootprints(
            computeFootprints(
              [
                record({ ...flat, startedAt: new Date(s), endedAt: new Date(m) }),
                record({ ...flat, startedAt: new Date(m), endedAt: new Date(e) }),
              ],
              lib,
              SETTINGS,
              [],
            ),
          );
          for (const field of [
            'itEnergyKwh',
            'energyKwh',
            'locationKgCo2e',
            'marketKgCo2e',
            'embodiedKgCo2e',
            'waterOnsiteL',
            'waterOffsiteL',
          ] as const) {
            expect(Math.abs(parts[field] - whole[field])).toBeLessThanOrEqual(
              1e-9 * Math.max(1, whole[field]),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test('monotonic in power, hours, PUE and intensity', () => {
    const arbPos = fc.double({ min: 0, max: 1000, noNaN: true });
    fc.assert(
      fc.property(
        arbPos,
        arbPos,
        fc.double({ min: 1, max: 2.5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        arbPos,
        (power, hours, pue, step, intensity) => {
          const base = {
            acceleratorPowerW: power,
            acceleratorHours: hours,
            pue,
            carbonIntensityGPerKwh: intensity,
            region: 'test-1',
            provider: 'aws' as const,
          };
          const kg = (o: Partial<TUsageRecordInput>) =>
            computeRecordFootprint(record({ ...base, ...o }), lib, SETTINGS).locationKgCo2e;
          const ref = kg({});
          expect(kg({ acceleratorPowerW: power + step * 100 })).toBeGreaterThanOrEqual(ref);
          expect(kg({ acceleratorHours: hours + step * 10 })).toBeGreaterThanOrEqual(ref);
          expect(kg({ pue: Math.min(5, pue + step) })).toBeGreaterThanOrEqual(ref);
          expect(kg({ carbonIntensityGPerKwh: intensity + step * 100 })).toBeGreaterThanOrEqual(ref);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('monotonic in utilisation for the TDP model', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (u1, u2) => {
          const kwh = (u: number) =>
            computeRecordFootprint(
              record({ accelerator: 'acc-x', acceleratorCount: 2, utilization: u }),
              lib,
              SETTINGS,
            ).itEnergyKwh;
          const [lo, hi] = u1 <= u2 ? [u1, u2] : [u2, u1];
          expect(kwh(hi)).toBeGreaterThanOrEqual(kwh(lo));
        },
      ),
    );
  });
});
