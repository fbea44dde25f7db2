import 'server-only';
import { checkInstanceType } from '@/lib/emissions/catalog-check';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { AppError } from '@/lib/errors';
import type { TRecordError } from '@/lib/schemas/api-v1';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { getOrganization, methodologySettingsFor } from '../access/organizations';
import { findEnergyContracts } from '../factors/energy-contracts';
import { getCachedFactorLibrary } from '../factors/factor-library-cache';
import { storeUsageRecords, type TStoreResult } from './usage-records';

/**
 * Row errors for instance types the organisation's library cannot resolve, or that contradict the row's
 * accelerator: the API rejects them like uploads do, since the estimate would otherwise rest on a guessed device
 * count. Other unknown names (accelerator, region) stay flagged estimates on the API, as before.
 */
export async function instanceTypeErrors(
  ctx: { orgId: string },
  records: readonly TUsageRecordInput[],
): Promise<TRecordError[]> {
  if (!records.some((r) => r.instanceType)) {
    return [];
  }
  const library = ensureIndexed(await getCachedFactorLibrary(ctx));
  return records.flatMap((record, index) => {
    const issue = checkInstanceType(library, record);
    return issue ? [{ index, field: issue.field, message: issue.message }] : [];
  });
}

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
