import 'server-only';
import { z } from 'zod';
import type { FactorRef, MarketAllocation } from '@/lib/emissions/footprint-types';
import { getPrisma } from '@/lib/server/db/prisma';

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
  // Stored by storeUsageRecords as { factors: FactorRef[], marketAllocations: MarketAllocation[] }.
  const refs = (record.factorRefs ?? {}) as { factors?: FactorRef[]; marketAllocations?: MarketAllocation[] };
  return {
    ...record,
    factorRefs: Array.isArray(refs.factors) ? refs.factors : [],
    marketAllocations: Array.isArray(refs.marketAllocations) ? refs.marketAllocations : [],
  };
}

export type TUsageRecordDetail = NonNullable<Awaited<ReturnType<typeof getUsageRecordDetail>>>;
