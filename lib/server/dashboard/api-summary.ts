import 'server-only';
import type { TDateRange } from '@/lib/dashboard/date-range';
import { aiServiceLabel } from '@/lib/format/labels';
import type { TSummaryGroup, TSummaryGroupRow } from '@/lib/schemas/api-v1';
import type { TDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, type Sql, sql } from '@/lib/server/db/sql';
import { planRollupRead, type TRollupCtx } from '../rollups/rollup-plan';
import { aiServiceNames } from '../usage/ai-service-options';
import { NO_AI_SERVICE_LABEL } from './dashboard-breakdowns';
import { bucketsSql } from './dashboard-trends';
import { filteredRecordsSql, filteredRollupsSql, filteredSourceSql, timeShareSql } from './dashboard-where';

// Whitelisted key/label expressions per grouping (never interpolate user input as SQL).
const KEY_SQL: Record<Exclude<TSummaryGroup, 'month'>, { key: Sql; label: Sql }> = {
  phase: { key: sql`r.phase::text`, label: sql`r.phase::text` },
  team: { key: sql`t.slug`, label: sql`t.name` },
  project: { key: sql`p.slug`, label: sql`p.name` },
  model: { key: sql`r.model`, label: sql`r.model` },
  region: {
    key: sql`r.region`,
    label: sql`COALESCE(r.provider::text || ' · ', '') || r.region`,
  },
  accelerator: { key: sql`r.accelerator`, label: sql`r.accelerator` },
  // Third-party AI service (issue #21): labelled with the service's name below; null = compute records.
  aiService: { key: sql`r.ai_service`, label: sql`r.ai_service` },
};

interface TRow {
  key: string | null;
  label: string | null;
  records: number;
  facility: number;
  location: number;
  market: number;
  embodied: number;
  water: number;
}

const sums = (share: Sql, records: Sql) => sql`${records}::int AS records,
  SUM(r.facility_energy_kwh * ${share})::float8 AS facility, SUM(r.location_kg_co2e * ${share})::float8 AS location,
  SUM(r.market_kg_co2e * ${share})::float8 AS market, SUM(r.embodied_kg_co2e * ${share})::float8 AS embodied,
  SUM((r.water_onsite_l + r.water_offsite_l) * ${share})::float8 AS water`;

/**
 * Energy, CO2e (location and market), embodied and water per group, with the dashboard's filters and
 * time-share semantics (a record straddling the range, or a month, counts only the part inside). Months are
 * the organisation's local months. Reads the daily rollups when the range is whole local days, else raw records.
 */
export async function findSummary(
  ctx: TRollupCtx,
  filters: TDashboardFilters,
  range: TDateRange,
  groupBy: TSummaryGroup,
): Promise<TSummaryGroupRow[]> {
  let rows: TRow[];
  const days = await planRollupRead(ctx, range);
  if (groupBy === 'month' && days) {
    // A record counts in a month when it starts there or runs into the month's first day inside the range.
    const month = sql`date_trunc('month', r.day::timestamp)`;
    const records = sql`SUM(r.record_starts + CASE WHEN r.day = GREATEST(${month}::date, ${days.fromDay}::date)
      THEN r.record_carry_in ELSE 0 END)`;
    rows = await queryRows<TRow>(
      getPrisma(),
      sql`
      SELECT to_char(${month}, 'YYYY-MM') AS key, to_char(${month}, 'YYYY-MM') AS label, ${sums(sql`1`, records)}
        FROM ${filteredRollupsSql(ctx, filters, days, { months: true })} r
       GROUP BY 1, 2 ORDER BY 1`,
    );
  } else if (groupBy === 'month') {
    const share = timeShareSql(sql`b.lo`, sql`b.hi`);
    rows = await queryRows<TRow>(
      getPrisma(),
      sql`
      SELECT left(b.label, 7) AS key, left(b.label, 7) AS label, ${sums(share, sql`COUNT(DISTINCT r.id)`)}
        FROM ${filteredRecordsSql(ctx, filters, range)} r
        JOIN ${bucketsSql(range, 'month')} b ON r.started_at < b.hi AND (r.ended_at > b.lo OR r.started_at >= b.lo)
       GROUP BY 1, 2 ORDER BY 1`,
    );
  } else {
    const { key, label } = KEY_SQL[groupBy];
    rows = await queryRows<TRow>(
      getPrisma(),
      sql`
      SELECT ${key} AS key, MAX(${label}) AS label, ${sums(sql`r.w`, sql`SUM(r.n)`)}
        FROM ${filteredSourceSql(ctx, filters, range, days, { months: true })} r
        LEFT JOIN team t ON t.id = r.team_id LEFT JOIN project p ON p.id = r.project_id
       GROUP BY 1 ORDER BY location DESC NULLS LAST, 1`,
    );
  }
  const names = groupBy === 'aiService' ? aiServiceNames() : null;
  const labelOf = (r: TRow) =>
    names ? (r.key === null ? NO_AI_SERVICE_LABEL : aiServiceLabel(r.key, names)) : (r.label ?? 'Not set');
  return rows.map((r) => ({
    key: r.key,
    label: labelOf(r),
    records: r.records,
    facilityEnergyKwh: r.facility ?? 0,
    locationKgCo2e: r.location ?? 0,
    marketKgCo2e: r.market ?? 0,
    embodiedKgCo2e: r.embodied ?? 0,
    waterL: r.water ?? 0,
  }));
}
