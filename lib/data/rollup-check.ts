import 'server-only';
import type pg from 'pg';
import { findQualityRollupMismatches } from './quality-rollup-check';
import { findMonthlyRollupMismatches } from './report-rollup-check';

/**
 * Proves usage_rollup_daily equals the raw records, independently of the trigger's day-splitting SQL:
 * 1. per organisation × every rollup dimension (all days together), each quantity summed over the raw records
 *    equals the rollup sum (day shares of a record add up to 1), record_starts = record count = Σ record_share, and
 *    record_carry_in = Σ (local days a record spans − 1);
 * 2. per organisation × local day, record_starts = raw records starting on that local day;
 * 3. the quality rollups (usage_quality_daily) the same way (./quality-rollup-check.ts);
 * 4. the monthly report rollups equal the daily rollups summed per month (./report-rollup-check.ts).
 * Used by `npm run db:check-rollups` and the rollup integration tests.
 */

export const ROLLUP_QUANTITIES = [
  'device_hours',
  'it_energy_kwh',
  'facility_energy_kwh',
  'location_kg_co2e',
  'market_kg_co2e',
  'market_matched_kwh',
  'embodied_kg_co2e',
  'water_onsite_l',
  'water_offsite_l',
  'uncertainty_low_kg_co2e',
  'uncertainty_high_kg_co2e',
] as const;

const KEYS =
  'org_id, phase, team_id, project_id, model, region, provider, accelerator, grid_zone, is_measured';

/** Raw-side expression per rollup column (requests/tokens columns follow the report's SCI rules). */
const RAW_SUMS: Record<string, string> = {
  ...Object.fromEntries(ROLLUP_QUANTITIES.map((q) => [q, `r.${q}`])),
  requests: 'COALESCE(r.requests, 0)',
  tokens: 'COALESCE(r.tokens, 0)',
  request_location_kg_co2e: 'CASE WHEN r.requests > 0 THEN r.location_kg_co2e ELSE 0 END',
  request_embodied_kg_co2e: 'CASE WHEN r.requests > 0 THEN r.embodied_kg_co2e ELSE 0 END',
  token_location_kg_co2e: 'CASE WHEN r.tokens > 0 THEN r.location_kg_co2e ELSE 0 END',
  token_embodied_kg_co2e: 'CASE WHEN r.tokens > 0 THEN r.embodied_kg_co2e ELSE 0 END',
  record_starts: '1',
  record_share: '1',
  record_carry_in: `GREATEST(0, date_trunc('day', (CASE WHEN r.ended_at > r.started_at
      THEN r.ended_at - interval '1 microsecond' ELSE r.started_at END) AT TIME ZONE o.time_zone)::date
      - (r.started_at AT TIME ZONE o.time_zone)::date)`,
};
const COLUMNS = Object.keys(RAW_SUMS);

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
  const orgRaw = orgId ? 'WHERE r.org_id = $1' : '';
  const orgRoll = orgId ? 'WHERE u.org_id = $1' : '';
  const params = orgId ? [orgId] : [];
  const raw = COLUMNS.map((c) => `SUM(${RAW_SUMS[c]})::float8 AS raw_${c}, 0::float8 AS roll_${c}`).join(
    ', ',
  );
  const roll = COLUMNS.map((c) => `0::float8, SUM(u.${c})::float8`).join(', ');
  const outer = COLUMNS.map((c) => `SUM(raw_${c}) AS raw_${c}, SUM(roll_${c}) AS roll_${c}`).join(', ');
  const differs = COLUMNS.map(
    (c) => `abs(SUM(raw_${c}) - SUM(roll_${c})) > 1e-9 * GREATEST(1, abs(SUM(raw_${c})))`,
  ).join(' OR ');
  const byDimension = await db.query(
    `SELECT ${KEYS}, ${outer} FROM (
        SELECT ${KEYS.split(', ')
          .map((k) => `r.${k}`)
          .join(', ')}, ${raw}
          FROM usage_record r JOIN organization o ON o.id = r.org_id ${orgRaw} GROUP BY ${KEYS}
        UNION ALL
        SELECT ${KEYS.split(', ')
          .map((k) => `u.${k}`)
          .join(', ')}, ${roll}
          FROM usage_rollup_daily u ${orgRoll} GROUP BY ${KEYS}) x
      GROUP BY ${KEYS} HAVING ${differs} LIMIT 100`,
    params,
  );
  const out: TRollupMismatch[] = [];
  for (const row of byDimension.rows as Record<string, unknown>[]) {
    const key = Object.fromEntries(KEYS.split(', ').map((k) => [k, row[k]]));
    for (const c of COLUMNS) {
      const a = Number(row[`raw_${c}`] ?? 0);
      const b = Number(row[`roll_${c}`] ?? 0);
      if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
        out.push({ key, column: c, raw: a, rollup: b });
      }
    }
  }
  const byDay = await db.query(
    `SELECT org_id, day::text AS day, SUM(raw)::float8 AS raw, SUM(roll)::float8 AS roll FROM (
        SELECT r.org_id, (r.started_at AT TIME ZONE o.time_zone)::date AS day, COUNT(*) AS raw, 0 AS roll
          FROM usage_record r JOIN organization o ON o.id = r.org_id ${orgRaw} GROUP BY 1, 2
        UNION ALL
        SELECT u.org_id, u.day, 0, SUM(u.record_starts) FROM usage_rollup_daily u ${orgRoll} GROUP BY 1, 2) x
      GROUP BY 1, 2 HAVING SUM(raw) <> SUM(roll) ORDER BY 1, 2 LIMIT 100`,
    params,
  );
  for (const row of byDay.rows as { org_id: string; day: string; raw: number; roll: number }[]) {
    out.push({
      key: { org_id: row.org_id, day: row.day },
      column: 'record_starts_per_day',
      raw: row.raw,
      rollup: row.roll,
    });
  }
  out.push(...(await findQualityRollupMismatches(db, orgId)));
  out.push(...(await findMonthlyRollupMismatches(db, orgId)));
  return out;
}
