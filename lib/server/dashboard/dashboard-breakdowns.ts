import 'server-only';
import type { TDateRange } from '@/lib/dashboard/date-range';
import { aiServiceLabel, humanizeCode } from '@/lib/format/labels';
import { placeLabel } from '@/lib/format/place-label';
import { PROVIDER_LABELS } from '@/lib/format/provider-label';
import type { TDashboardFilters, TFilterDimension } from '@/lib/schemas/dashboard-filters';
import type { TPhase, TProvider } from '@/lib/schemas/usage-record';
import { getPrisma } from '@/lib/server/db/prisma';
import { joinSql, queryRows, type Sql, sql } from '@/lib/server/db/sql';
import { planRollupRead, type TRollupCtx } from '../rollups/rollup-plan';
import { aiServiceNames } from '../usage/ai-service-options';
import { dashboardWhereSql, filteredRecordsSql, filteredSourceSql, timeShareSql } from './dashboard-where';

export const BREAKDOWN_DIMENSIONS = [
  'team',
  'project',
  'model',
  'region',
  'accelerator',
  'provider',
  'aiService',
] as const;
export type TBreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export interface TBreakdownRow {
  dimension: TBreakdownDimension;
  /** Filter value (slug for team/project); null = not set on the records. */
  key: string | null;
  label: string;
  locationKgCo2e: number;
  marketKgCo2e: number;
  facilityEnergyKwh: number;
}

/** Which URL filter a breakdown bar narrows (accelerator has no filter: it links to the unfiltered list). */
export const BREAKDOWN_FILTER: Record<TBreakdownDimension, TFilterDimension | null> = {
  team: 'team',
  project: 'project',
  model: 'model',
  region: 'region',
  accelerator: null,
  provider: 'provider',
  aiService: 'aiService',
};

// Whitelisted key/label expressions per dimension (never interpolate user input as SQL).
const KEY_SQL: Record<TBreakdownDimension, Sql> = {
  team: sql`t.slug`,
  project: sql`p.slug`,
  model: sql`r.model`,
  region: sql`r.region`,
  accelerator: sql`r.accelerator`,
  provider: sql`r.provider::text`,
  aiService: sql`r.ai_service`,
};
// Aggregates over one group's rows (never interpolate user input as SQL).
const LABEL_SQL: Record<TBreakdownDimension, Sql> = {
  team: sql`MAX(t.name)`,
  project: sql`MAX(p.name)`,
  model: sql`MAX(r.model)`,
  // The group is the region alone: its provider when every record of it has the same one (named in TypeScript
  // with the place label), else none, so that a region code two providers share is not put under one of them.
  region: sql`CASE WHEN MIN(r.provider::text) = MAX(r.provider::text) THEN MIN(r.provider::text) END`,
  accelerator: sql`MAX(r.accelerator)`,
  provider: sql`MAX(r.provider::text)`,
  // Named in TypeScript (service names live in reference/ai-services/providers.csv, not in the database).
  aiService: sql`MAX(r.ai_service)`,
};

/** The label of the AI-service bar without a service: the organisation's own and cloud compute. */
export const NO_AI_SERVICE_LABEL = 'Compute (no AI service)';

/**
 * A bar's label, with its stored code when another bar of the dimension reads the same: `US` (on-device rows) and
 * `USA` (an AI service's mix zone) are both "United States", and the bars are keyed by their labels.
 */
function distinctLabel(
  row: { dimension: TBreakdownDimension; key: string | null; label: string },
  rows: readonly { dimension: TBreakdownDimension; key: string | null; label: string }[],
): string {
  const same = rows.some((o) => o.dimension === row.dimension && o.label === row.label && o.key !== row.key);
  return same && row.key !== null ? `${row.label} (${row.key})` : row.label;
}

/**
 * Location/market CO2e and facility energy grouped by each dimension, largest first (one query for all seven).
 * Reads the daily rollups when the range is whole local days (every dimension is a rollup column), else raw.
 */
export async function findBreakdowns(
  ctx: TRollupCtx,
  filters: TDashboardFilters,
  range: TDateRange,
): Promise<TBreakdownRow[]> {
  const days = await planRollupRead(ctx, range);
  const selects = BREAKDOWN_DIMENSIONS.map(
    (dim) => sql`SELECT ${dim}::text AS dimension, ${KEY_SQL[dim]} AS key, ${LABEL_SQL[dim]} AS label,
           SUM(r.location_kg_co2e * r.w)::float8 AS location, SUM(r.market_kg_co2e * r.w)::float8 AS market,
           SUM(r.facility_energy_kwh * r.w)::float8 AS facility
      FROM fr r LEFT JOIN team t ON t.id = r.team_id LEFT JOIN project p ON p.id = r.project_id
     GROUP BY ${KEY_SQL[dim]}`,
  );
  const rows = await queryRows<{
    dimension: TBreakdownDimension;
    key: string | null;
    label: string | null;
    location: number;
    market: number;
    facility: number;
  }>(
    getPrisma(),
    sql`
    WITH fr AS ${filteredSourceSql(ctx, filters, range, days, { months: true })}
    SELECT * FROM (${joinSql(selects, ' UNION ALL ')}) x ORDER BY dimension, location DESC, key`,
  );
  const names = aiServiceNames();
  const labelOf = (r: (typeof rows)[number]): string => {
    if (r.dimension === 'aiService') {
      return r.key === null ? NO_AI_SERVICE_LABEL : aiServiceLabel(r.key, names);
    }
    if (r.dimension === 'region' && r.key !== null) {
      return placeLabel({ provider: r.label, region: r.key });
    }
    if (r.dimension === 'provider' && r.key !== null) {
      return PROVIDER_LABELS[r.key as TProvider] ?? humanizeCode(r.key);
    }
    return r.label ?? 'Not set';
  };
  const labelled = rows.map((r) => ({ ...r, label: labelOf(r) }));
  return labelled.map((r) => ({
    dimension: r.dimension,
    key: r.key,
    label: distinctLabel(r, labelled),
    locationKgCo2e: r.location,
    marketKgCo2e: r.market,
    facilityEnergyKwh: r.facility,
  }));
}

export interface TEmitterRow {
  kind: 'run' | 'deployment';
  /** Record id for runs, model name for deployments. */
  key: string;
  label: string;
  phase: TPhase | null;
  model: string | null;
  locationKgCo2e: number;
  marketKgCo2e: number;
  records: number;
}

/**
 * Top emitters by location-based CO2e: training/fine-tuning runs (one record each) and deployments
 * (all inference records of one model). Deployments come from the rollups when the range allows; runs are
 * single records, so they come from the raw records — bounded by usage_run_bound when rollups are on (see
 * `runCandidatesSql`), unbounded on the raw path.
 */
export async function findTopEmitters(
  ctx: TRollupCtx,
  filters: TDashboardFilters,
  range: TDateRange,
  limit = 10,
): Promise<TEmitterRow[]> {
  const days = await planRollupRead(ctx, range);
  const deployments = filteredSourceSql(ctx, filters, range, days, { months: true });
  const runs = days ? runCandidatesSql(ctx, filters, range) : filteredRecordsSql(ctx, filters, range);
  const rows = await queryRows<{
    kind: 'run' | 'deployment';
    key: string;
    label: string;
    phase: TPhase | null;
    model: string | null;
    location: number;
    market: number;
    records: number;
  }>(
    getPrisma(),
    sql`
    WITH dep AS (
      SELECT 'deployment' AS kind, r.model AS key, r.model || ' · inference' AS label, 'inference' AS phase,
             r.model, SUM(r.location_kg_co2e * r.w)::float8 AS location, SUM(r.market_kg_co2e * r.w)::float8 AS market,
             SUM(r.n)::int AS records
        FROM ${deployments} r WHERE r.phase = 'inference' AND r.model IS NOT NULL GROUP BY r.model),
    -- The limit-th largest deployment: a run whose whole CO2e is below it cannot enter the list.
    th AS (SELECT GREATEST(
             COALESCE((SELECT location FROM dep ORDER BY location DESC, key OFFSET ${limit - 1} LIMIT 1), '-Infinity'::float8),
             ${days ? runFloorSql(ctx, filters, range, limit) : sql`'-Infinity'::float8`}) AS t),
    fr AS ${runs}
    SELECT * FROM (
      SELECT 'run' AS kind, r.id::text AS key,
             COALESCE(r.model, (SELECT p.name FROM project p WHERE p.id = r.project_id), r.external_id) || ' · ' || replace(r.phase::text, '_', '-') || ' run from '
               || to_char(r.started_at AT TIME ZONE ${range.timeZone ?? 'UTC'}::text, 'YYYY-MM-DD') AS label,
             r.phase::text AS phase, r.model, (r.location_kg_co2e * r.w)::float8 AS location,
             (r.market_kg_co2e * r.w)::float8 AS market, 1 AS records
        FROM fr r WHERE r.phase IN ('training', 'fine_tuning')
      UNION ALL
      SELECT * FROM dep
    ) x ORDER BY location DESC, key LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    kind: r.kind,
    key: r.key,
    label: r.label,
    phase: r.phase,
    model: r.model,
    locationKgCo2e: r.location,
    marketKgCo2e: r.market,
    records: r.records,
  }));
}

// Spelled out beside `r.phase = d.phase` so the planner can use the partial run index
// usage_record_runs_idx (org_id, phase, started_at) WHERE phase IN ('training', 'fine_tuning'): it cannot infer
// the predicate from a lateral parameter (issue #20, prisma/migrations/20261207001500_factor_set_storage).
const RUN_PHASES_SQL = sql`r.phase IN ('training', 'fine_tuning')`;

/**
 * The training/fine-tuning records that can be among the top emitters, as `filteredRecordsSql` rows (needs the
 * `th` CTE: the limit-th deployment's CO2e). usage_run_bound holds, per phase and UTC start day, upper bounds of
 * the duration and CO2e of the records starting that day (grow-only, so never too small). A record overlaps the
 * range only if it starts before `to` and its start day's end + max duration passes `from`; its in-range CO2e
 * (share ≤ 1) is at most max(location, 0), so days and records whose bound is below the threshold are skipped.
 * Each remaining day is an index range scan on (org_id, phase, started_at). Exact: every record that could
 * rank is read and its share computed as on the raw path.
 */
function runCandidatesSql(ctx: { orgId: string }, filters: TDashboardFilters, range: TDateRange): Sql {
  const from = sql`${range.from}::timestamptz`;
  const to = sql`${range.to}::timestamptz`;
  const dayStart = sql`(b.start_day::timestamp AT TIME ZONE 'UTC')`;
  // Candidate days first, then one index range scan per day: the LATERAL subqueries are fenced with OFFSET 0 so
  // the planner cannot flatten them into a merge join that walks every training record of the organisation
  // (measured at 10M records: 1.5 s scanning 2M index entries for a bound table that ruled out every day).
  return sql`(SELECT r.*, ${timeShareSql(from, to)} AS w
      FROM (SELECT b.org_id, b.phase, th.t, ${dayStart} AS day_start
              FROM th, usage_run_bound b
             WHERE b.org_id = ${ctx.orgId}::uuid AND b.phase IN ('training', 'fine_tuning')
               AND ${dayStart} < ${to}
               AND ${dayStart} + interval '1 day' + b.max_duration_s * interval '1 second' >= ${from}
               AND b.max_location_kg_co2e >= th.t
            OFFSET 0) d
      CROSS JOIN LATERAL (
        SELECT r.* FROM usage_record r
         WHERE r.org_id = d.org_id AND r.phase = d.phase AND ${RUN_PHASES_SQL}
           AND r.started_at >= d.day_start AND r.started_at < d.day_start + interval '1 day'
           AND GREATEST(r.location_kg_co2e, 0) >= d.t
           AND ${dashboardWhereSql(ctx, filters, range)}
        OFFSET 0) r)`;
}

/** Days read per phase to find the run floor: the ones whose bound allows the largest runs (per phase, so a phase
 * filter still finds its own days). */
const FLOOR_DAYS = 8;

/**
 * A lower bound of the limit-th largest run (float8 SQL expression; -Infinity when unknown): the limit-th largest
 * CO2e among the runs lying wholly inside the range (share exactly 1) on the FLOOR_DAYS start days per phase with
 * the largest bounds. Those runs are in the list's candidate set with their full CO2e, so the true limit-th run is at
 * least this large, and any run whose whole CO2e is below it cannot rank (exact, ties included: candidates use
 * ≥). Without it, a view with fewer than `limit` deployments (e.g. phase = training) had no threshold and read
 * every run of the range (10M records, last 12 months: 4.8–6.6 s).
 */
function runFloorSql(
  ctx: { orgId: string },
  filters: TDashboardFilters,
  range: TDateRange,
  limit: number,
): Sql {
  const from = sql`${range.from}::timestamptz`;
  const to = sql`${range.to}::timestamptz`;
  const dayStart = sql`(b.start_day::timestamp AT TIME ZONE 'UTC')`;
  return sql`COALESCE((
      SELECT r.location_kg_co2e
        FROM (SELECT x.org_id, x.phase, x.day_start FROM (
                SELECT b.org_id, b.phase, ${dayStart} AS day_start,
                       row_number() OVER (PARTITION BY b.phase ORDER BY b.max_location_kg_co2e DESC, b.start_day) AS n
                  FROM usage_run_bound b
                 WHERE b.org_id = ${ctx.orgId}::uuid AND b.phase IN ('training', 'fine_tuning')
                   AND ${dayStart} >= ${from} AND ${dayStart} + interval '1 day' <= ${to}) x
               WHERE x.n <= ${FLOOR_DAYS}) d
        CROSS JOIN LATERAL (
          SELECT r.location_kg_co2e FROM usage_record r
           WHERE r.org_id = d.org_id AND r.phase = d.phase AND ${RUN_PHASES_SQL}
             AND r.started_at >= d.day_start AND r.started_at < d.day_start + interval '1 day'
             AND r.ended_at > r.started_at AND r.started_at >= ${from} AND r.ended_at <= ${to}
             AND ${dashboardWhereSql(ctx, filters, range)}
          OFFSET 0) r
       ORDER BY r.location_kg_co2e DESC OFFSET ${limit - 1} LIMIT 1), '-Infinity'::float8)`;
}
