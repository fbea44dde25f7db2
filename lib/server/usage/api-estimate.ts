import 'server-only';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import { AppError } from '@/lib/errors';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { getOrganization, methodologySettingsFor } from '../access/organizations';
import { findEnergyContracts } from '../factors/energy-contracts';
import { getCachedFactorLibrary } from '../factors/factor-library-cache';
import { storeUsageRecords, type TStoreResult } from './usage-records';

/** Footprints of records with the organisation's factor library, methodology settings and energy contracts. */
export async function computeForOrganization(
  ctx: { orgId: string },
  records: readonly TUsageRecordInput[],
): Promise<RecordFootprint[]> {
  const org = await getOrganization(ctx);
  if (!org) {
    throw new AppError('NOT_FOUND', 'Organisation not found.');
  }
  const [library, contracts] = await Promise.all([getCachedFactorLibrary(ctx), findEnergyContracts(ctx)]);
  return computeFootprints(records, library, methodologySettingsFor(org), contracts);
}

/**
 * Computes and stores a JSON batch in one transaction (idempotent by record id, else content hash, exactly
 * like CSV uploads: re-sending a record replaces it, unchanged content is left alone).
 */
export async function storeApiRecords(
  ctx: { orgId: string },
  records: readonly TUsageRecordInput[],
  computedAt: Date,
): Promise<TStoreResult> {
  const footprints = await computeForOrganization(ctx, records);
  const items = records.map((record, i) => ({ record, footprint: footprints[i] as RecordFootprint }));
  return storeUsageRecords(ctx, items, { computedAt });
}
