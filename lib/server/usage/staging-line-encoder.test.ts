import { expect, test } from 'vitest';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import { computeSharedFootprints, type FootprintMemo } from '@/lib/emissions/footprint-memo';
import { indexFactorLibrary } from '@/lib/emissions/index-factor-library';
import { fixtureLibrary, record, SETTINGS } from '@/lib/emissions/testing/fixture-library';
import { toCopyCsvLine } from '../db/pg-copy';
import { createStagingLineEncoder, FOOTPRINT_COLUMN_KEYS } from './staging-line-encoder';
import { STAGED, stagingRowOf } from './staging-rows';
import type { TUsageRecordToStore } from './usage-record-columns';
import { toColumns } from './usage-record-columns';

const library = indexFactorLibrary(fixtureLibrary());
const computedAt = new Date('2026-12-01T10:00:00.000Z');

// Records that exercise every kind of field: texts needing quotes, missing values, metered and estimated energy.
const records = [
  record({
    recordId: 'r-1',
    provider: 'aws',
    region: 'test-1',
    accelerator: 'X-100 SXM',
    acceleratorCount: 2,
  }),
  record({
    recordId: 'r-2',
    provider: 'aws',
    region: 'test-1',
    accelerator: 'X-100 SXM',
    acceleratorCount: 2,
  }),
  record({
    provider: 'aws',
    region: 'test-1',
    energyKwh: 3.3,
    pue: 1.3,
    team: 'Team "A", research',
    project: 'p,1',
    notes: 'line\nbreak "quoted"',
    phase: 'inference',
    requests: 1200,
    tokens: 1.5e9,
    cost: 0.1,
  }),
  record({ region: 'nowhere', energyKwh: 1, carbonIntensityGPerKwh: 250, model: 'm' }),
  record({ endedAt: new Date('2023-01-01T03:00:00.123Z'), energyKwh: 1, wueLPerKwh: 2 }),
];

function itemsOf(footprints: ReturnType<typeof computeFootprints>): TUsageRecordToStore[] {
  return records.map((r, i) => ({
    record: r,
    footprint: footprints[i] as (typeof footprints)[number],
    uploadLine: i + 2,
    ...(i === 3 ? { sourceData: { ingestFlags: ['DEFAULTED_PHASE'], note: 'a "b"' } } : {}),
  }));
}

test('each line equals the reference encoding (stagingRowOf + toCopyCsvLine), also when footprints are shared', () => {
  const memo: FootprintMemo = new Map();
  const shared = computeSharedFootprints(records, library, SETTINGS, [], memo);
  // Records 1 and 2 share one footprint object (same engine inputs): the second line reuses the cached part.
  expect(shared[1]).toBe(shared[0]);
  const encode = createStagingLineEncoder(computedAt);
  for (const footprints of [shared, computeFootprints(records, library, SETTINGS, [])]) {
    itemsOf(footprints).forEach((item, i) => {
      const reference = stagingRowOf(item, computedAt, 10 + i);
      const encoded = encode(item, 10 + i);
      expect(encoded.line).toBe(toCopyCsvLine(reference.row));
      expect(encoded).toMatchObject({
        externalId: reference.externalId,
        teamSlug: reference.teamSlug,
        projectSlug: reference.projectSlug,
      });
    });
  }
});

test('the columns encoded once per footprint depend on the footprint only, never on the record', () => {
  const [footprint] = computeFootprints(records.slice(2, 3), library, SETTINGS, []);
  if (!footprint) {
    throw new Error('no footprint');
  }
  // Two records that differ in every field, stored with the same footprint.
  const a = toColumns(
    { record: records[2] as (typeof records)[number], footprint, uploadLine: 4 },
    null,
    null,
    computedAt,
  );
  const b = toColumns(
    {
      record: record({ phase: 'training', model: 'other', acceleratorHours: 9, notes: 'x', team: 'B' }),
      footprint,
      uploadLine: 99,
      sourceData: { ingestFlags: [] },
    },
    'team-id',
    'project-id',
    new Date('2020-01-01T00:00:00Z'),
  );
  const footprintKeys = STAGED.map(([key]) => key).filter((key) => FOOTPRINT_COLUMN_KEYS.has(key));
  expect(footprintKeys.length).toBeGreaterThan(15);
  for (const key of footprintKeys) {
    expect(a[key as keyof typeof a], key).toEqual(b[key as keyof typeof b]);
  }
});
