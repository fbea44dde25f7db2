import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { flatCopy } from '@/lib/utils/flat-copy';
import { computeFootprints } from './compute-footprints';
import type { EnergyContractInput } from './energy-contract';
import type { FactorRef, RecordFootprint } from './footprint-types';
import type { IndexedFactorLibrary } from './index-factor-library';
import type { MethodologySettings } from './methodology-settings';

/**
 * Every record field the engine reads (lib/emissions/*: IT energy, location, PUE/WUE, grid intensity, embodied,
 * water, uncertainty). Phase, team, project, model, notes, cost, tokens and recordId do not change a footprint;
 * recordId is copied onto the result. `footprint-memo.test.ts` checks memoised == direct results.
 */
export const ENGINE_INPUT_KEYS = [
  'startedAt',
  'endedAt',
  'provider',
  'region',
  'instanceType',
  'instanceCount',
  'instanceHours',
  'accelerator',
  'acceleratorCount',
  'acceleratorHours',
  'acceleratorPowerW',
  'utilization',
  'energyKwh',
  'requests',
  'energyPerRequestWh',
  'pue',
  'carbonIntensityGPerKwh',
  'wueLPerKwh',
] as const satisfies readonly (keyof TUsageRecordInput)[];

/** Cache of footprints by engine inputs, owned by one caller (one upload): same factors, settings, no contracts. */
export type FootprintMemo = Map<string, RecordFootprint>;

/** Entries kept before the memo is cleared, so a file of all-distinct rows cannot grow it without bound. */
const MAX_MEMO_ENTRIES = 10_000;

// One shared instance per distinct factor reference, per memo: memoised footprints of different keys repeat the
// same PUE, WUE, water, embodied and accelerator refs (only the hourly grid ref differs), and each ref object with
// its texts is ~150 B. Sharing them cuts the memo's live size by about half (docs/decisions/ingest-perf.md), which
// V8 repays several times over in heap headroom. Refs are never mutated (footprints of one key already share them).
const sharedRefs = new WeakMap<FootprintMemo, Map<string, FactorRef[]>>();

const sameRef = (a: FactorRef, b: FactorRef) =>
  a.kind === b.kind &&
  a.value === b.value &&
  a.unit === b.unit &&
  a.basis === b.basis &&
  a.source === b.source &&
  a.datasetVersion === b.datasetVersion;

// Keyed by the ref's id (a string the library already holds, so the table adds no key texts); the few refs that
// share an id (e.g. PUE defaults of different values) are told apart by their fields.
function withSharedRefs(footprint: RecordFootprint, refs: Map<string, FactorRef[]>): RecordFootprint {
  footprint.factorRefs = footprint.factorRefs.map((ref) => {
    const candidates = refs.get(ref.id);
    const known = candidates?.find((c) => sameRef(c, ref));
    if (known) {
      return known;
    }
    if (candidates) {
      candidates.push(ref);
    } else {
      refs.set(ref.id, [ref]);
    }
    return ref;
  });
  return footprint;
}

export function engineInputKey(record: TUsageRecordInput): string {
  let key = '';
  for (const name of ENGINE_INPUT_KEYS) {
    const value = record[name];
    key += value instanceof Date ? `${value.getTime()}|` : value === undefined ? '|' : `${value}|`;
  }
  return key;
}

/**
 * `computeFootprints` that reuses the result for records with identical engine inputs (large exports repeat a
 * few region × accelerator × hour combinations). Results of one key share their provenance arrays, which lets
 * the storage layer serialise each distinct factor set once. With energy contracts the allocation depends on
 * the whole batch, so nothing is memoised. Pure given the memo (a cache the caller owns).
 */
export function computeFootprintsMemo(
  records: readonly TUsageRecordInput[],
  library: IndexedFactorLibrary,
  settings: MethodologySettings,
  contracts: readonly EnergyContractInput[],
  memo: FootprintMemo,
): RecordFootprint[] {
  const shared = computeSharedFootprints(records, library, settings, contracts, memo);
  return records.map((record, i) => {
    const hit = shared[i] as RecordFootprint;
    const recordId = record.recordId ?? null;
    return hit.recordId === recordId ? hit : { ...hit, recordId };
  });
}

/**
 * `computeFootprintsMemo` without the per-record copy: records with identical engine inputs get the SAME
 * footprint object (the memo's), whose `recordId` is that of the record first computed with those inputs, not
 * necessarily theirs. For callers that read the record id from the record and want to do per-footprint work
 * once per distinct footprint (the upload encodes each footprint's staging columns once:
 * lib/server/usage/staging-line-encoder.ts). With energy contracts every record gets its own footprint.
 */
export function computeSharedFootprints(
  records: readonly TUsageRecordInput[],
  library: IndexedFactorLibrary,
  settings: MethodologySettings,
  contracts: readonly EnergyContractInput[],
  memo: FootprintMemo,
): RecordFootprint[] {
  if (contracts.length > 0) {
    return computeFootprints(records, library, settings, contracts);
  }
  let refs = sharedRefs.get(memo);
  if (!refs || memo.size > MAX_MEMO_ENTRIES) {
    memo.clear();
    refs = new Map();
    sharedRefs.set(memo, refs);
  }
  const keys = records.map(engineInputKey);
  const missing: TUsageRecordInput[] = [];
  const missingKeys: string[] = [];
  const queued = new Set<string>();
  keys.forEach((key, i) => {
    if (!memo.has(key) && !queued.has(key)) {
      queued.add(key);
      missingKeys.push(key);
      missing.push(records[i] as TUsageRecordInput);
    }
  });
  const computed = computeFootprints(missing, library, settings, []);
  missingKeys.forEach((key, i) => {
    // Flat: a key concatenated from the record's cells is a chain of cons cells, ≈ 5× its length in memory.
    memo.set(flatCopy(key), withSharedRefs(computed[i] as RecordFootprint, refs));
  });
  return keys.map((key) => memo.get(key) as RecordFootprint);
}
