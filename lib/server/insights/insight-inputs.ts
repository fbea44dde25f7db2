import 'server-only';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { resolveElectricityPrice } from '@/lib/insights/electricity-price';
import type { TScopedRecord } from '@/lib/insights/recommendation-types';
import type { TInsightInputs } from '@/lib/insights/types';
import { getPrisma } from '@/lib/server/db/prisma';
import { getOrganization, methodologySettingsFor } from '../access/organizations';
import { findEnergyContracts } from '../factors/energy-contracts';
import { getCachedFactorLibrary } from '../factors/factor-library-cache';
import { INPUT_SELECT, type TStoredRow, toInput } from '../usage/recompute';

/** Most records one what-if or recommendation run reads (bounded memory and response time). */
export const INSIGHT_MAX_RECORDS = 20_000;

/**
 * The organisation's factor library, methodology settings and contracts for the scenario calculators, and the
 * electricity price in the organisation's currency (entered, from its settings, the USD default for USD
 * organisations, or none: lib/insights/electricity-price.ts).
 */
export async function getInsightInputs(
  ctx: { orgId: string },
  electricityPricePerKwh?: number,
): Promise<{ inputs: TInsightInputs }> {
  const org = await getOrganization(ctx);
  if (!org) {
    throw new AppError('NOT_FOUND', 'Organisation not found.');
  }
  const [library, contracts] = [await getCachedFactorLibrary(ctx), await findEnergyContracts(ctx)];
  const price = resolveElectricityPrice({
    entered: electricityPricePerKwh,
    organisationPrice: org.electricityPricePerKwh,
    currency: org.currency,
  });
  return {
    inputs: {
      library,
      settings: methodologySettingsFor(org),
      contracts,
      electricityPricePerKwh: price.pricePerKwh,
      currency: price.currency,
      electricityPriceSource: price.source,
    },
  };
}

/** Stored records (engine inputs + project names) matching `where`, always within the organisation. */
export async function findScopedRecords(
  ctx: { orgId: string },
  where: Prisma.UsageRecordWhereInput,
): Promise<TScopedRecord[]> {
  const rows = await getPrisma().usageRecord.findMany({
    where: { ...where, orgId: ctx.orgId },
    select: { ...INPUT_SELECT, project: { select: { slug: true, name: true } } },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    take: INSIGHT_MAX_RECORDS + 1,
  });
  if (rows.length > INSIGHT_MAX_RECORDS) {
    throw new AppError(
      'INVALID_INPUT',
      `More than ${INSIGHT_MAX_RECORDS} records match; narrow the filters.`,
    );
  }
  return rows.map((row) => ({
    input: toInput(row as unknown as TStoredRow),
    projectSlug: row.project?.slug ?? null,
    projectName: row.project?.name ?? null,
  }));
}

/** First start and last end of the organisation's records (null when it has none). */
export async function getDataSpan(ctx: { orgId: string }): Promise<{ from: Date; to: Date } | null> {
  const agg = await getPrisma().usageRecord.aggregate({
    where: { orgId: ctx.orgId },
    _min: { startedAt: true },
    _max: { endedAt: true },
  });
  return agg._min.startedAt && agg._max.endedAt ? { from: agg._min.startedAt, to: agg._max.endedAt } : null;
}
