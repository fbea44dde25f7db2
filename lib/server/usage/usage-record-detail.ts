import 'server-only';
import { z } from 'zod';
import type { MarketAllocation } from '@/lib/emissions/footprint-types';
import { getPrisma } from '@/lib/server/db/prisma';
import { readFactorSets } from './factor-sets';

/** One record with everything needed to audit it; null when missing or in another organisation. */
export async function getUsageRecordDetail(ctx: { orgId: string }, id: string) {
  // The /records/[id] page passes its raw segment: a non-UUID names nothing (and must not reach the uuid cast).
  if (!z.uuid().safeParse(id).success) {
    return null;
  }
  const record = await getPrisma().usageRecord.findFirst({
    where: { id, orgId: ctx.orgId },
    include: {
      team: { select: { name: true, slug: true } },
      project: { select: { name: true, slug: true } },
      upload: { select: { id: true, fileName: true, createdAt: true, format: true } },
      restatements: {
        where: { orgId: ctx.orgId },
        orderBy: { createdAt: 'asc' },
        select: { id: true, field: true, oldValue: true, newValue: true, reason: true, createdAt: true },
      },
    },
  });
  if (!record) {
    return null;
  }
  // Provenance shared with other records lives in the record's factor set (lib/server/usage/factor-sets.ts); its
  // market allocations stay on the record. Same shapes as before the sets (issue #20).
  const { factorSetId, contentHash: _hash, marketAllocations, ...rest } = record;
  const set = (await readFactorSets(getPrisma(), ctx.orgId, [factorSetId])).get(String(factorSetId));
  return {
    ...rest,
    methodologyVersion: set?.methodologyVersion ?? '',
    assumptionFlags: set?.assumptionFlags ?? [],
    factorRefs: set?.factors ?? [],
    marketAllocations: Array.isArray(marketAllocations)
      ? (marketAllocations as unknown as MarketAllocation[])
      : [],
  };
}

export type TUsageRecordDetail = NonNullable<Awaited<ReturnType<typeof getUsageRecordDetail>>>;
