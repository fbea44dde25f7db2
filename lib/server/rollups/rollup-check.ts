import 'server-only';
import type pg from 'pg';
import { emptySql, queryRows, rawSql, sql } from '../db/sql';
import { pgRunner } from '../db/sql-runner';
import { findQualityRollupMismatches } from './quality-rollup-check';
import { ROLLUP_QUANTITIES } from './rollup-quantities';

/**
 * Proves usage_rollup_daily equals the raw records, independently of the trigger's day-splitting SQL:
 * 1. per organisation × every rollup dimension (all days together), each quantity summed over the raw records
 *    equals the rollup sum (day shares of a record add up to 1), record_starts = record count = Σ record_share, and
 *    record_carry_in = Σ (local days a record spans − 1);
 * 2. per organisation × local day, record_starts = raw records starting on that local day;
 * 3. usage_rollup_monthly equals usage_rollup_daily grouped by local month, row for row (every column, the
 *    daily-row count, and record_carry_in = the carry-in of the month's first day), with no extra rows;
 * 4. usage_run_bound bounds every training/fine-tuning record (duration and CO2e ≤ its start day's bounds);
 * 5. the quality rollups (usage_quality_daily) equal the raw records the same way (./quality-rollup-check.ts).
 * Used by `npm run db:check-rollups` and the rollup integration tests.
 */

const KEYS =
  'org_id, phase, team_id, project_id, model, region, provider, accelerator, grid_zone, is_measured, ai_service';

/** Raw-side expression per rollup column (requests/tokens columns follow the report's SCI rules). */
const RAW_SUMS: Record<string, string> = {
  ...Object.fromEntries(ROLLUP_QUANTITIES.map((q) => [q, `r.${q}`])),
  requests: 'COALESCE(r.requests, 0)',
  tokens: 'COALESCE(r.tokens, 0)',
  request_location_kg_co2e: 'CASE WHEN r.requests > 0 THEN r.location_kg_co2e ELSE 0 END',
  request_embodied_kg_co2e: 'CASE WHEN r.requests > 0 THEN r.embodied_kg_co2e ELSE 0 END',
  token_location_kg_co2e: 'CASE WHEN r.tokens > 0 THEN r.location_kg_co2e ELSE 0 END',
  token_embodied_kg_co2e: 'CASE WHEN r.tokens > 0 THEN r.embodied_kg_co2e ELSE 0 END',
  token_facility_energy_kwh: 'CASE WHEN r.tokens > 0 THEN r.facility_energy_kwh ELSE 0 END',
  token_market_kg_co2e: 'CASE WHEN r.tokens > 0 THEN r.market_kg_co2e ELSE 0 END',
  token_water_l: 'CASE WHEN r.tokens > 0 THEN r.water_onsite_l + r.water_offsite_l ELSE 0 END',
  output_tokens: 'COALESCE(r.output_tokens, 0)',
  record_starts: '1',
  record_share: '1',
  record_carry_in: `GREATEST(0, date_trunc('day', (CASE WHEN r.ended_at > r.started_at
      THEN r.ended_at - interval '1 microsecond' ELSE r.started_at END) AT TIME ZONE o.time_zone)::date
      - (r.started_at AT TIME ZONE o.time_zone)::date)`,
};
const COLUMNS = Object.keys(RAW_SUMS);
// Column lists and expressions below are built from the constants above only (no input), spliced in as SQL text.
const KEYS_SQL = rawSql(KEYS);

export interface TRollupMismatch {
  key: Record<string, unknown>;
  column: string;
  raw: number;
  rollup: number;
}

/** Mismatches between raw records and rollups (empty = exact within 1e-9 relative), for one org or all. */
export async function findRollupMismatches(
  db: pg.ClientBase | pg.Pool,
  orgId?: string,
): Promise<TRollupMismatch[]> {
  const orgRaw = orgId ? sql`WHERE r.org_id = ${orgId}` : emptySql;
  const orgRoll = orgId ? sql`WHERE u.org_id = ${orgId}` : emptySql;
  const raw = COLUMNS.map((c) => `SUM(${RAW_SUMS[c]})::float8 AS raw_${c}, 0::float8 AS roll_${c}`).join(
    ', ',
  );
  const roll = COLUMNS.map((c) => `0::float8, SUM(u.${c})::float8`).join(', ');
  const outer = COLUMNS.map((c) => `SUM(raw_${c}) AS raw_${c}, SUM(roll_${c}) AS roll_${c}`).join(', ');
  const differs = COLUMNS.map(
    (c) => `abs(SUM(raw_${c}) - SUM(roll_${c})) > 1e-9 * GREATEST(1, abs(SUM(raw_${c})))`,
  ).join(' OR ');
  const keysOf = (alias: string) =>
    rawSql(
      KEYS.split(', ')
        .map((k) => `${alias}.${k}`)
        .join(', '),
    );
  const byDimension = await queryRows<Record<string, unknown>>(
    pgRunner(db),
    sql`SELECT ${KEYS_SQL}, ${rawSql(outer)} FROM (
        SELECT ${keysOf('r')}, ${rawSql(raw)}
          FROM usage_record r JOIN organization o ON o.id = r.org_id ${orgRaw} GROUP BY ${KEYS_SQL}
        UNION ALL
        SELECT ${keysOf('u')}, ${rawSql(roll)}
          FROM usage_rollup_daily u ${orgRoll} GROUP BY ${KEYS_SQL}) x
      GROUP BY ${KEYS_SQL} HAVING ${rawSql(differs)} LIMIT 100`,
  );
  const out: TRollupMismatch[] = [];
  for (const row of byDimension) {
    const key = Object.fromEntries(KEYS.split(', ').map((k) => [k, row[k]]));
    for (const c of COLUMNS) {
      const a = Number(row[`raw_${c}`] ?? 0);
      const b = Number(row[`roll_${c}`] ?? 0);
      if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
        out.push({ key, column: c, raw: a, rollup: b });
      }
    }
  }
  const byDay = await queryRows<{ org_id: string; day: string; raw: number; roll: number }>(
    pgRunner(db),
    sql`SELECT org_id, day::text AS day, SUM(raw)::float8 AS raw, SUM(roll)::float8 AS roll FROM (
        SELECT r.org_id, (r.started_at AT TIME ZONE o.time_zone)::date AS day, COUNT(*) AS raw, 0 AS roll
          FROM usage_record r JOIN organization o ON o.id = r.org_id ${orgRaw} GROUP BY 1, 2
        UNION ALL
        SELECT u.org_id, u.day, 0, SUM(u.record_starts) FROM usage_rollup_daily u ${orgRoll} GROUP BY 1, 2) x
      GROUP BY 1, 2 HAVING SUM(raw) <> SUM(roll) ORDER BY 1, 2 LIMIT 100`,
  );
  for (const row of byDay) {
    out.push({
      key: { org_id: row.org_id, day: row.day },
      column: 'record_starts_per_day',
      raw: row.raw,
      rollup: row.roll,
    });
  }
  out.push(...(await findMonthlyMismatches(db, orgId)), ...(await findRunBoundViolations(db, orgId)));
  out.push(...(await findQualityRollupMismatches(db, orgId)));
  return out;
}

const MONTH_KEYS = `org_id, month, ${KEYS.split(', ').slice(1).join(', ')}`;
const MONTH_KEYS_SQL = rawSql(MONTH_KEYS);
/** Monthly columns summed from the daily rows (record_carry_in: first day of the month only). */
const MONTHLY_SUMS: Record<string, string> = {
  ...Object.fromEntries(COLUMNS.filter((c) => c !== 'record_carry_in').map((c) => [c, `SUM(d.${c})`])),
  record_carry_in: 'COALESCE(SUM(d.record_carry_in) FILTER (WHERE extract(day FROM d.day) = 1), 0)',
  daily_rows: 'COUNT(*)',
};

/** Month rows that differ from (or are missing from, or have no) daily rows summed per local month. */
async function findMonthlyMismatches(
  db: pg.ClientBase | pg.Pool,
  orgId?: string,
): Promise<TRollupMismatch[]> {
  const cols = Object.keys(MONTHLY_SUMS);
  const daily = cols.map((c) => `${MONTHLY_SUMS[c]}::float8 AS d_${c}, 0::float8 AS m_${c}`).join(', ');
  const monthly = cols.map((c) => `0::float8, SUM(m.${c})::float8`).join(', ');
  const outer = cols.map((c) => `SUM(d_${c}) AS d_${c}, SUM(m_${c}) AS m_${c}`).join(', ');
  const differs = cols
    .map((c) => `abs(SUM(d_${c}) - SUM(m_${c})) > 1e-9 * GREATEST(1, abs(SUM(d_${c})))`)
    .join(' OR ');
  const rows = await queryRows<Record<string, unknown>>(
    pgRunner(db),
    sql`SELECT ${MONTH_KEYS_SQL}, COUNT(*) FILTER (WHERE src = 'm') AS month_rows, ${rawSql(outer)} FROM (
        SELECT ${rawSql(MONTH_KEYS.replace('month', "date_trunc('month', d.day::timestamp)::date AS month"))}, 'd' AS src, ${rawSql(daily)}
          FROM usage_rollup_daily d ${orgId ? sql`WHERE d.org_id = ${orgId}` : emptySql} GROUP BY ${rawSql(MONTH_KEYS.replace('month', "date_trunc('month', d.day::timestamp)::date"))}
        UNION ALL
        SELECT ${MONTH_KEYS_SQL}, 'm', ${rawSql(monthly)}
          FROM usage_rollup_monthly m ${orgId ? sql`WHERE m.org_id = ${orgId}` : emptySql} GROUP BY ${MONTH_KEYS_SQL}) x
      GROUP BY ${MONTH_KEYS_SQL} HAVING COUNT(*) FILTER (WHERE src = 'm') <> 1 OR ${rawSql(differs)} LIMIT 100`,
  );
  const out: TRollupMismatch[] = [];
  for (const row of rows) {
    const key = Object.fromEntries(MONTH_KEYS.split(', ').map((k) => [k, row[k]]));
    if (Number(row.month_rows) !== 1) {
      out.push({ key, column: 'monthly:row_count', raw: 1, rollup: Number(row.month_rows) });
    }
    for (const c of cols) {
      const a = Number(row[`d_${c}`] ?? 0);
      const b = Number(row[`m_${c}`] ?? 0);
      if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
        out.push({ key, column: `monthly:${c}`, raw: a, rollup: b });
      }
    }
  }
  return out;
}

/** Training/fine-tuning records whose duration or CO2e exceeds their start day's usage_run_bound row. */
async function findRunBoundViolations(
  db: pg.ClientBase | pg.Pool,
  orgId?: string,
): Promise<TRollupMismatch[]> {
  const rows = await queryRows<{
    org_id: string;
    phase: string;
    day: string;
    duration: number;
    location: number;
    bound_duration: number | null;
    bound_location: number | null;
  }>(
    pgRunner(db),
    sql`SELECT r.org_id, r.phase::text AS phase, (r.started_at AT TIME ZONE 'UTC')::date::text AS day,
            MAX(GREATEST(0, EXTRACT(EPOCH FROM (r.ended_at - r.started_at))))::float8 AS duration,
            MAX(GREATEST(0, r.location_kg_co2e))::float8 AS location,
            MIN(b.max_duration_s)::float8 AS bound_duration, MIN(b.max_location_kg_co2e)::float8 AS bound_location
       FROM usage_record r
       LEFT JOIN usage_run_bound b ON b.org_id = r.org_id AND b.phase = r.phase
        AND b.start_day = (r.started_at AT TIME ZONE 'UTC')::date
      WHERE r.phase IN ('training', 'fine_tuning') ${orgId ? sql`AND r.org_id = ${orgId}` : emptySql}
      GROUP BY 1, 2, 3
     HAVING COUNT(b.start_day) < COUNT(*)
         OR MAX(GREATEST(0, EXTRACT(EPOCH FROM (r.ended_at - r.started_at)))) > MIN(b.max_duration_s)
         OR MAX(GREATEST(0, r.location_kg_co2e)) > MIN(b.max_location_kg_co2e)
      LIMIT 100`,
  );
  return rows.map((r) => ({
    key: { org_id: r.org_id, phase: r.phase, start_day: r.day },
    column: `run_bound (duration ${r.duration} s ≤ ${r.bound_duration}, location ${r.location} kg ≤ ${r.bound_location})`,
    raw: r.location,
    rollup: r.bound_location ?? Number.NaN,
  }));
}
