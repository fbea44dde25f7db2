import 'server-only';
import type { TDateRange } from '@/lib/dashboard/date-range';
import { getPrisma } from '@/lib/db';

/** The span of the organisation's data (null when it has none): the dashboard's default range. */
export async function getDataSpan(ctx: { orgId: string }): Promise<TDateRange | null> {
  const span = await getPrisma().usageRecord.aggregate({
    where: { orgId: ctx.orgId },
    _min: { startedAt: true },
    _max: { startedAt: true },
  });
  if (!span._min.startedAt || !span._max.startedAt) {
    return null;
  }
  return { from: span._min.startedAt, to: new Date(span._max.startedAt.getTime() + 1) };
}
