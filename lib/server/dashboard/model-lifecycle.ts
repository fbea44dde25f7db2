import 'server-only';
import type { TDateRange } from '@/lib/dashboard/date-range';
import type { TLifecycleInferenceDay, TLifecycleRun } from '@/lib/dashboard/model-lifecycle';
import type { TDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { filteredRecordsSql } from './dashboard-where';

/** Training/fine-tuning runs (whole records, by start day) and daily inference per model, filtered. */
export async function findLifecycleInputs(
  ctx: { orgId: string },
  filters: TDashboardFilters,
  range: TDateRange,
): Promise<{ runs: TLifecycleRun[]; inference: TLifecycleInferenceDay[] }> {
  const prisma = getPrisma();
  const source = filteredRecordsSql(ctx, filters, range);
  // Local start day in the organisation's calendar (the range carries its time zone).
  const day = sql`to_char(r.started_at AT TIME ZONE ${range.timeZone ?? 'UTC'}::text, 'YYYY-MM-DD')`;
  const [runs, inference] = await Promise.all([
    queryRows<TLifecycleRun>(
      prisma,
      sql`
      SELECT r.id::text AS id, r.model, r.phase::text AS phase,
             ${day} AS day,
             (r.location_kg_co2e * r.w)::float8 AS "locationKgCo2e"
        FROM ${source} r
       WHERE r.model IS NOT NULL AND r.phase IN ('training', 'fine_tuning')
       ORDER BY r.started_at, r.id`,
    ),
    queryRows<TLifecycleInferenceDay>(
      prisma,
      sql`
      SELECT r.model, ${day} AS day,
             SUM(r.location_kg_co2e * r.w)::float8 AS "locationKgCo2e"
        FROM ${source} r
       WHERE r.model IS NOT NULL AND r.phase = 'inference'
       GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
  ]);
  return { runs, inference };
}
