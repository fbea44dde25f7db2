import 'server-only';
import { isoDay } from '@/lib/dashboard/date-range';
import { ROLLUP_SUM_FIELDS, type TRollupMonthRow } from '@/lib/reports/aggregate-rollups';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, rawSql, sql } from '@/lib/server/db/sql';

/** Rollup column (snake_case) → TRollupMonthRow field, for every additive quantity the report sums. */
export const ROLLUP_COLUMNS: [string, string][] = ROLLUP_SUM_FIELDS.map((field) => [
  field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  field,
]);

/**
 * Report inputs read without loading records into memory: sums of the monthly rollups (usage_rollup_monthly,
 * kept equal to Σ usage_rollup_daily per local month by triggers; migration 20261201010000_overview_rollups) over
 * the whole comparison window, grouped by the report's dimensions and the AI service (scope placement; project and
 * accelerator summed out).
 * `carryFirst` = Σ record_carry_in of the month rows (= carry-in of the month's first day).
 * Report periods and their comparatives are whole local months in the organisation's time zone, the rollups'
 * calendar. The per-record quality facts come from usage_quality_daily (./quarter-quality.ts).
 */
export async function findRollupMonths(
  ctx: { orgId: string },
  timeZone: string,
  from: Date,
  to: Date,
): Promise<TRollupMonthRow[]> {
  const [fromDay, toDay] = [isoDay(from, timeZone), isoDay(to, timeZone)];
  if (!fromDay.endsWith('-01') || !toDay.endsWith('-01')) {
    throw new Error(`report window ${fromDay}..${toDay} is not whole local months`);
  }
  const sums = rawSql(
    ROLLUP_COLUMNS.map(([column, alias]) => `SUM(m.${column})::float8 AS "${alias}"`).join(', '),
  );
  return queryRows<TRollupMonthRow>(
    getPrisma(),
    sql`
    SELECT to_char(m.month, 'YYYY-MM') AS month, m.provider::text AS provider, m.region, m.grid_zone AS "gridZone",
           m.phase::text AS phase, m.model, t.name AS team, m.ai_service AS "aiService", m.is_measured AS "isMeasured",
           SUM(m.record_starts)::int AS starts, SUM(m.record_carry_in)::int AS "carryFirst", ${sums}
      FROM usage_rollup_monthly m LEFT JOIN team t ON t.id = m.team_id
     WHERE m.org_id = ${ctx.orgId}::uuid AND m.month >= ${fromDay}::date AND m.month < ${toDay}::date
     GROUP BY m.month, m.provider, m.region, m.grid_zone, m.phase, m.model, m.team_id, t.name, m.ai_service, m.is_measured`,
  );
}
