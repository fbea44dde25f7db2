import { describe, expect, test } from 'vitest';
import { type TUsageRecordInput, USAGE_RECORD_RANGES, ZUsageRecordInput } from '@/lib/schemas/usage-record';
import { computeFootprints } from './compute-footprints';
import { indexFactorLibrary } from './index-factor-library';
import { sumFootprints } from './sum-footprints';
import { FOOTPRINT_NUMBER_FIELDS, fixtureLibrary, record, SETTINGS } from './testing/fixture-library';

// Issue #17 item 5: the largest inputs the schema allows give finite CO2e, water and embodied emissions, for
// one record and summed over a full API batch (10,000 records).
const lib = indexFactorLibrary(fixtureLibrary());
const max = (field: keyof typeof USAGE_RECORD_RANGES) => USAGE_RECORD_RANGES[field].max;
const start = new Date('2024-01-01T00:00:00Z');
const end = new Date(start.getTime() + 366 * 86_400_000);

const LARGEST: Record<string, TUsageRecordInput> = {
  measured: record({
    startedAt: start,
    endedAt: end,
    region: 'test-1',
    accelerator: 'acc-x',
    acceleratorCount: max('acceleratorCount'),
    energyKwh: max('energyKwh'),
    pue: max('pue'),
    carbonIntensityGPerKwh: max('carbonIntensityGPerKwh'),
    wueLPerKwh: max('wueLPerKwh'),
    requests: max('requests'),
    tokens: max('tokens'),
    cost: max('cost'),
  }),
  powerTimesHours: record({
    startedAt: start,
    endedAt: end,
    region: 'test-1',
    accelerator: 'acc-x',
    acceleratorHours: max('acceleratorHours'),
    acceleratorPowerW: max('acceleratorPowerW'),
    utilization: max('utilization'),
    pue: max('pue'),
    carbonIntensityGPerKwh: max('carbonIntensityGPerKwh'),
    wueLPerKwh: max('wueLPerKwh'),
  }),
  perRequest: record({
    startedAt: start,
    endedAt: end,
    region: 'ZZ',
    requests: max('requests'),
    energyPerRequestWh: max('energyPerRequestWh'),
    pue: max('pue'),
  }),
  countOverAYear: record({
    startedAt: start,
    endedAt: end,
    provider: 'on_prem',
    region: 'ZZ',
    accelerator: 'acc-x',
    acceleratorCount: max('acceleratorCount'),
  }),
};

const OUTPUTS = FOOTPRINT_NUMBER_FIELDS;

describe('largest allowed inputs', () => {
  test.each(Object.entries(LARGEST))(
    '%s: valid, and every output finite for 10,000 copies and their sum',
    (_, rec) => {
      expect(ZUsageRecordInput.safeParse(rec).success).toBe(true);
      const results = computeFootprints(Array(10_000).fill(rec), lib, SETTINGS, []);
      const one = results[0];
      if (!one) {
        throw new Error('no result');
      }
      for (const field of OUTPUTS) {
        expect(Number.isFinite(one[field]), field).toBe(true);
      }
      expect(one.energyKwh).toBeGreaterThan(0);
      const totals = sumFootprints(results);
      for (const [field, value] of Object.entries(totals)) {
        if (typeof value === 'number') {
          expect(Number.isFinite(value), field).toBe(true);
        }
      }
    },
  );
});
