import 'server-only';
import type { TDateRange } from '@/lib/dashboard/date-range';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';

/** The span of the organisation's data (null when it has none): the dashboard's default range. */
export async function getDataSpan(ctx: { orgId: string }): Promise<TDateRange | null> {
  // Two index-ordered LIMIT 1 lookups on (org_id, started_at): Prisma's aggregate() wraps MIN/MAX in a
  // subquery that scans every record of the organisation (1.5 s at 1M records, measured in bench:dashboard).
  const [span] = await queryRows<{ first: Date | null; last: Date | null }>(
    getPrisma(),
    sql`
    SELECT (SELECT started_at FROM usage_record WHERE org_id = ${ctx.orgId}::uuid ORDER BY started_at LIMIT 1) AS first,
           (SELECT started_at FROM usage_record WHERE org_id = ${ctx.orgId}::uuid ORDER BY started_at DESC LIMIT 1) AS last`,
  );
  if (!span?.first || !span.last) {
    return null;
  }
  return { from: span.first, to: new Date(span.last.getTime() + 1) };
}

/**
 * When the organisation's recorded usage ends (the latest `ended_at`; null without data): how far a target's
 * progress is measured before it is projected (lib/targets/target-periods.ts `projectionHorizon`). Only records
 * starting within the longest run (usage_run_bound, grow-only) before the last start can end last, so the read
 * stays on the (org_id, started_at) index.
 */
export async function getDataEnd(ctx: { orgId: string }): Promise<Date | null> {
  const [row] = await queryRows<{ last: Date | null }>(
    getPrisma(),
    sql`
    WITH last_start AS (
      SELECT started_at FROM usage_record WHERE org_id = ${ctx.orgId}::uuid ORDER BY started_at DESC LIMIT 1
    ), longest AS (
      SELECT COALESCE(MAX(max_duration_s), 0) AS s FROM usage_run_bound WHERE org_id = ${ctx.orgId}::uuid
    )
    SELECT MAX(r.ended_at) AS last FROM usage_record r
     WHERE r.org_id = ${ctx.orgId}::uuid
       AND r.started_at >= (SELECT started_at FROM last_start) - make_interval(secs => (SELECT s FROM longest))`,
  );
  return row?.last ?? null;
}
