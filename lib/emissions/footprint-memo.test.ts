import { expect, test } from 'vitest';
import { computeFootprints } from './compute-footprints';
import {
  computeFootprintsMemo,
  computeSharedFootprints,
  engineInputKey,
  type FootprintMemo,
} from './footprint-memo';
import { indexFactorLibrary } from './index-factor-library';
import { fixtureLibrary, record, SETTINGS } from './testing/fixture-library';

const library = indexFactorLibrary(fixtureLibrary());
const records = [
  record({ recordId: 'a', provider: 'aws', region: 'test-1', accelerator: 'X-100 SXM', acceleratorCount: 2 }),
  record({ recordId: 'b', provider: 'aws', region: 'test-1', accelerator: 'X-100 SXM', acceleratorCount: 2 }),
  record({ provider: 'aws', region: 'test-1', accelerator: 'X-100 SXM', acceleratorCount: 2, team: 'T' }),
  record({ provider: 'aws', region: 'test-1', energyKwh: 3, pue: 1.3, phase: 'inference' }),
  record({ provider: 'aws', region: 'test-1', energyKwh: 3, pue: 1.4 }),
  record({ provider: 'aws', region: 'test-1', energyKwh: 3, wueLPerKwh: 2 }),
  record({ region: 'nowhere', energyKwh: 1, carbonIntensityGPerKwh: 250 }),
  record({ endedAt: new Date('2023-01-01T03:00:00Z'), energyKwh: 1 }),
];

test('memoised footprints equal the direct computation, record by record', () => {
  const memo: FootprintMemo = new Map();
  const direct = computeFootprints(records, library, SETTINGS, []);
  expect(computeFootprintsMemo(records, library, SETTINGS, [], memo)).toEqual(direct);
  // Second batch: every result comes from the memo and is still equal.
  expect(computeFootprintsMemo(records, library, SETTINGS, [], memo)).toEqual(direct);
  expect(memo.size).toBe(new Set(records.map(engineInputKey)).size);
});

test('records with equal engine inputs share provenance; different inputs never collide', () => {
  const memo: FootprintMemo = new Map();
  const [a, b, c, d, e] = computeFootprintsMemo(records, library, SETTINGS, [], memo);
  expect(a?.factorRefs).toBe(b?.factorRefs);
  expect(c?.factorRefs).toBe(a?.factorRefs);
  expect([a?.recordId, b?.recordId, c?.recordId]).toEqual(['a', 'b', null]);
  expect(d?.pue).toBe(1.3);
  expect(e?.pue).toBe(1.4);
  expect(engineInputKey(records[3] as (typeof records)[number])).not.toBe(
    engineInputKey(records[4] as (typeof records)[number]),
  );
});

test('memoised footprints of different inputs share equal factor refs (one instance each), values unchanged', () => {
  const memo: FootprintMemo = new Map();
  const [d, e] = computeFootprintsMemo(records.slice(3, 5), library, SETTINGS, [], memo);
  const direct = computeFootprints(records.slice(3, 5), library, SETTINGS, []);
  expect([d, e]).toEqual(direct);
  const sharedCount = (d?.factorRefs ?? []).filter((ref) => e?.factorRefs.includes(ref)).length;
  // Same region and grid: only the PUE ref differs (1.3 vs 1.4).
  expect(sharedCount).toBe((d?.factorRefs.length ?? 0) - 1);
});

test('shared footprints: one object per distinct engine input, equal to the direct result but for the record id', () => {
  const memo: FootprintMemo = new Map();
  const shared = computeSharedFootprints(records, library, SETTINGS, [], memo);
  const direct = computeFootprints(records, library, SETTINGS, []);
  // Records 0, 1 and 2 differ only in record id and team: one object, the first record's id.
  expect(shared[1]).toBe(shared[0]);
  expect(shared[2]).toBe(shared[0]);
  expect(shared[0]?.recordId).toBe('a');
  expect(new Set(shared).size).toBe(6);
  shared.forEach((footprint, i) => {
    expect({ ...footprint, recordId: null }).toEqual({ ...direct[i], recordId: null });
  });
  // A later batch gets the very same objects from the memo.
  expect(computeSharedFootprints(records.slice(0, 1), library, SETTINGS, [], memo)[0]).toBe(shared[0]);
});
