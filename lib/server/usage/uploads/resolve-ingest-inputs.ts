import 'server-only';
import { createCatalogCheck } from '@/lib/emissions/catalog-check';
import type { EnergyContractInput } from '@/lib/emissions/energy-contract';
import { ensureIndexed, type IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import type { MethodologySettings } from '@/lib/emissions/methodology-settings';
import { AppError } from '@/lib/errors';
import type { ParseOptions } from '@/lib/ingest/types';
import { getOrganization, methodologySettingsFor } from '../../access/organizations';
import { findEnergyContracts } from '../../factors/energy-contracts';
import { getCachedFactorLibrary } from '../../factors/factor-library-cache';
import type { TIngestContext } from './upload-rows';

/** What the organisation brings to an upload: its factors, methodology settings, contracts and time zone. */
export interface TIngestInputs {
  library: IndexedFactorLibrary;
  settings: MethodologySettings;
  contracts: EnergyContractInput[];
  /** The file's time zone: the one asked for, else the organisation's. */
  timeZone: string;
  /** Rejects rows naming what the factor library does not know (regions, accelerators, providers). */
  checkRecord: NonNullable<ParseOptions['checkRecord']>;
}

/**
 * Resolve stage: reads, before the upload's transaction, everything the rows are resolved and computed
 * against. Through the plain pg pool only (an ingest process never loads Prisma: docs/decisions/ingest-perf.md).
 */
export async function resolveIngestInputs(
  ctx: TIngestContext,
  requestedTimeZone: string | undefined,
): Promise<TIngestInputs> {
  const org = await getOrganization(ctx);
  if (!org) {
    throw new AppError('NOT_FOUND', 'Organisation not found.');
  }
  const [library, contracts] = await Promise.all([getCachedFactorLibrary(ctx), findEnergyContracts(ctx)]);
  const indexed = ensureIndexed(library);
  return {
    library: indexed,
    settings: methodologySettingsFor(org),
    contracts,
    timeZone: requestedTimeZone ?? org.timeZone,
    checkRecord: createCatalogCheck(indexed),
  };
}
