import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { computeLocationFootprint } from './compute-location-footprint';
import type { EnergyContractInput } from './energy-contract';
import type { FactorLibrary } from './factor-library-types';
import type { RecordFootprint } from './footprint-types';
import { ensureIndexed, type IndexedFactorLibrary } from './index-factor-library';
import { allocateMarketBased } from './market-based';
import type { MethodologySettings } from './methodology-settings';

/**
 * Footprints for a batch, including market-based allocation of `contracts` across the batch
 * (contracts are shared, so allocation needs all records at once). Pure: same inputs, same outputs.
 */
export function computeFootprints(
  records: readonly TUsageRecordInput[],
  library: FactorLibrary | IndexedFactorLibrary,
  settings: MethodologySettings,
  contracts: readonly EnergyContractInput[],
): RecordFootprint[] {
  const indexed = ensureIndexed(library);
  const located = records.map((record) => computeLocationFootprint(record, indexed, settings));
  const periods = records.map((r) => ({ startMs: r.startedAt.getTime(), endMs: r.endedAt.getTime() }));
  return allocateMarketBased(located, periods, indexed, contracts);
}

/**
 * Footprint of one record. Market-based figure uses no contracts (residual mix, else grid average, flagged);
 * use `computeFootprints` to apply energy contracts.
 */
export function computeRecordFootprint(
  record: TUsageRecordInput,
  library: FactorLibrary | IndexedFactorLibrary,
  settings: MethodologySettings,
): RecordFootprint {
  return computeFootprints([record], library, settings, [])[0] as RecordFootprint;
}
