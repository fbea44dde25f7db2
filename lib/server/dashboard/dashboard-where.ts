import 'server-only';
import type { TDateRange } from '@/lib/dashboard/date-range';
import type { TDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { joinSql, rawSql, type Sql, sql } from '@/lib/server/db/sql';
import { type TRollupDays, wholeMonthsOf } from '../rollups/rollup-plan';
import { ROLLUP_QUANTITIES } from '../rollups/rollup-quantities';

/**
 * The ONE where-clause builder for dashboard queries (overview, models, records explorer, CSV export).
 * Parametrised `sql` fragments (lib/server/db/sql.ts) on the alias `r` (usage_record), always scoped by org_id.
 * Date semantics: a record belongs to the range when its interval [started_at, ended_at] overlaps it; its
 * quantities are then apportioned by time share (see `timeShareSql`), so a run straddling the range edge
 * counts only the part inside.
 */
export function dashboardWhereSql(
  ctx: { orgId: string },
  filters: TDashboardFilters,
  range: TDateRange,
): Sql {
  return joinSql(
    [
      sql`r.org_id = ${ctx.orgId}::uuid`,
      sql`r.started_at < ${range.to}`,
      sql`(r.ended_at > ${range.from} OR (r.ended_at <= r.started_at AND r.started_at >= ${range.from}))`,
      ...dimensionClauses(ctx, filters),
    ],
    ' AND ',
  );
}

/** The filter-bar dimensions on alias `r` (columns shared by usage_record and usage_rollup_daily). */
function dimensionClauses(ctx: { orgId: string }, filters: TDashboardFilters): Sql[] {
  const clauses: Sql[] = [];
  if (filters.team.length > 0) {
    clauses.push(
      sql`r.team_id IN (SELECT t.id FROM team t WHERE t.org_id = ${ctx.orgId}::uuid AND t.slug = ANY(${filters.team}::text[]))`,
    );
  }
  if (filters.project.length > 0) {
    clauses.push(
      sql`r.project_id IN (SELECT p.id FROM project p WHERE p.org_id = ${ctx.orgId}::uuid AND p.slug = ANY(${filters.project}::text[]))`,
    );
  }
  if (filters.model.length > 0) {
    clauses.push(sql`r.model = ANY(${filters.model}::text[])`);
  }
  if (filters.phase.length > 0) {
    clauses.push(sql`r.phase::text = ANY(${filters.phase}::text[])`);
  }
  if (filters.region.length > 0) {
    clauses.push(sql`r.region = ANY(${filters.region}::text[])`);
  }
  if (filters.provider.length > 0) {
    clauses.push(sql`r.provider::text = ANY(${filters.provider}::text[])`);
  }
  if (filters.aiService.length > 0) {
    clauses.push(sql`r.ai_service = ANY(${filters.aiService}::text[])`);
  }
  return clauses;
}

/**
 * Share (0..1) of a record's duration that falls inside [lo, hi). Zero-length records count fully when they
 * start inside. Multiply any quantity by it to apportion the record to a range or bucket.
 */
export function timeShareSql(lo: Sql, hi: Sql): Sql {
  return sql`(CASE WHEN r.ended_at > r.started_at
      THEN GREATEST(0, EXTRACT(EPOCH FROM (LEAST(r.ended_at, ${hi}) - GREATEST(r.started_at, ${lo}))))
           / EXTRACT(EPOCH FROM (r.ended_at - r.started_at))
      ELSE CASE WHEN r.started_at >= ${lo} AND r.started_at < ${hi} THEN 1 ELSE 0 END END)::float8`;
}

/**
 * `FROM (…) r`: the filtered records with `w` = their time share inside the range. Every aggregate reads
 * from this, so every panel honours the same filters.
 */
export function filteredRecordsSql(
  ctx: { orgId: string },
  filters: TDashboardFilters,
  range: TDateRange,
): Sql {
  const from = sql`${range.from}::timestamptz`;
  const to = sql`${range.to}::timestamptz`;
  return sql`(SELECT r.*, ${timeShareSql(from, to)} AS w, 1 AS n
      FROM usage_record r WHERE ${dashboardWhereSql(ctx, filters, range)})`;
}

/** The columns shared by usage_rollup_daily and usage_rollup_monthly that reads use (`day` = the month's first day). */
const ROLLUP_COLUMNS = rawSql(
  [
    'phase',
    'team_id',
    'project_id',
    'model',
    'region',
    'provider',
    'accelerator',
    'grid_zone',
    'is_measured',
    'ai_service',
    'record_starts',
    'record_carry_in',
    ...[
      'record_share',
      ...ROLLUP_QUANTITIES,
      'requests',
      'tokens',
      'request_location_kg_co2e',
      'request_embodied_kg_co2e',
      'token_location_kg_co2e',
      'token_embodied_kg_co2e',
      'token_facility_energy_kwh',
      'token_market_kg_co2e',
      'token_water_l',
      'output_tokens',
      // The sums are NUMERIC (exact under adds/deletes); reads compute in float8 like the raw-record reads.
    ].map((c) => `${c}::float8 AS ${c}`),
  ]
    .map((c) => `r.${c}`)
    .join(', '),
);

export interface TRollupReadOptions {
  /**
   * Read the whole local months of the range from usage_rollup_monthly (and only the partial edge months from
   * the daily table). Only for reads that do not bucket finer than a month: each month row stands for its
   * whole month, carrying `day` = the month's first day.
   */
  months?: boolean;
}

/**
 * The same rows' aggregates from the rollups: rollup rows with `w` = 1 (they are already split by local
 * day) and `n` = the records they count (records starting that day or month, plus those running into the
 * first day of the range), so `SUM(r.x * r.w)` and `SUM(r.n)` mean the same over either source. Only additive
 * columns and the dimensions exist on rollups (no id, started_at, external_id…).
 */
export function filteredRollupsSql(
  ctx: { orgId: string },
  filters: TDashboardFilters,
  days: TRollupDays,
  options: TRollupReadOptions = {},
): Sql {
  const dims = dimensionClauses(ctx, filters);
  const where = (...clauses: Sql[]) => joinSql([...clauses, ...dims], ' AND ');
  const org = sql`r.org_id = ${ctx.orgId}::uuid`;
  const from = sql`${days.fromDay}::date`;
  const to = sql`${days.toDay}::date`;
  const months = options.months ? wholeMonthsOf(days) : null;
  const source = months
    ? sql`SELECT r.day, ${ROLLUP_COLUMNS} FROM usage_rollup_daily r
         WHERE ${where(org, sql`((r.day >= ${from} AND r.day < ${months.fromMonth}::date) OR (r.day >= ${months.toMonth}::date AND r.day < ${to}))`)}
        UNION ALL
        SELECT r.month, ${ROLLUP_COLUMNS} FROM usage_rollup_monthly r
         WHERE ${where(org, sql`r.month >= ${months.fromMonth}::date`, sql`r.month < ${months.toMonth}::date`)}`
    : sql`SELECT r.day, ${ROLLUP_COLUMNS} FROM usage_rollup_daily r
         WHERE ${where(org, sql`r.day >= ${from}`, sql`r.day < ${to}`)}`;
  return sql`(SELECT r.*, 1::float8 AS w,
      r.record_starts + CASE WHEN r.day = ${from} THEN r.record_carry_in ELSE 0 END AS n
      FROM (${source}) r)`;
}

/** Rollups when `days` is given (the range is answerable from them), else the raw records. */
export function filteredSourceSql(
  ctx: { orgId: string },
  filters: TDashboardFilters,
  range: TDateRange,
  days: TRollupDays | null,
  options: TRollupReadOptions = {},
): Sql {
  return days ? filteredRollupsSql(ctx, filters, days, options) : filteredRecordsSql(ctx, filters, range);
}
