import 'server-only';
import type pg from 'pg';
import { queryRows, type Sql, sql } from '../db/sql';
import { pgRunner } from '../db/sql-runner';
import type { TRollupMismatch } from './rollup-check';

/**
 * Proves usage_quality_daily equals the raw records, independently of the trigger's day split:
 * 1. per organisation × fact × key × detail (all days together): record_starts = raw citations,
 *    record_carry_in = Σ (local days a citing record spans − 1), energy_kwh = Σ allocated kWh (day shares add up
 *    to 1; 1e-9 relative);
 * 2. per organisation × local day × fact: record_starts = raw citations by records starting that local day.
 * Used by `npm run db:check-rollups` and the rollup integration tests.
 */
const citationsSql = (orgId: string | null) => sql`
  WITH r AS (
    SELECT r.org_id, fs.methodology_version, fs.assumption_flags, fs.factors, r.market_allocations,
           (r.started_at AT TIME ZONE o.time_zone)::date AS day,
           GREATEST(0, date_trunc('day', (CASE WHEN r.ended_at > r.started_at
               THEN r.ended_at - interval '1 microsecond' ELSE r.started_at END) AT TIME ZONE o.time_zone)::date
             - (r.started_at AT TIME ZONE o.time_zone)::date) AS extra_days
      FROM usage_record r JOIN organization o ON o.id = r.org_id
      JOIN factor_set fs ON fs.id = r.factor_set_id WHERE ${orgId}::uuid IS NULL OR r.org_id = ${orgId}::uuid)
  SELECT r.org_id, r.day, 'methodology' AS fact, r.methodology_version AS key, '' AS detail, r.extra_days,
         0::float8 AS energy_kwh FROM r
  UNION ALL
  SELECT r.org_id, r.day, 'flag', f.code, '', r.extra_days, 0
    FROM r CROSS JOIN LATERAL (SELECT DISTINCT unnest(r.assumption_flags) AS code) f
  UNION ALL
  SELECT r.org_id, r.day, 'factor', COALESCE(e.f->>'id', ''), usage_quality_factor_detail(e.f), r.extra_days, 0
    FROM r CROSS JOIN LATERAL jsonb_array_elements(usage_quality_array(r.factors)) AS e(f)
  UNION ALL
  SELECT r.org_id, r.day, 'contract', COALESCE(a.a->>'contractId', ''), usage_quality_contract_detail(a.a),
         r.extra_days, COALESCE((a.a->>'energyKwh')::float8, 0)
    FROM r CROSS JOIN LATERAL jsonb_array_elements(usage_quality_array(r.market_allocations)) AS a(a)`;

const rollupWhereSql = (orgId: string | null): Sql =>
  sql`WHERE ${orgId}::uuid IS NULL OR q.org_id = ${orgId}::uuid`;

/** Mismatches between raw records and quality rollups (empty = exact), for one organisation or all. */
export async function findQualityRollupMismatches(
  db: pg.ClientBase | pg.Pool,
  orgId?: string,
): Promise<TRollupMismatch[]> {
  const citations = citationsSql(orgId ?? null);
  const rollupWhere = rollupWhereSql(orgId ?? null);
  const byKey = await queryRows<Record<string, string | number>>(
    pgRunner(db),
    sql`SELECT org_id, fact, key, detail, SUM(raw_starts)::float8 AS raw_starts, SUM(roll_starts)::float8 AS roll_starts,
            SUM(raw_carry)::float8 AS raw_carry, SUM(roll_carry)::float8 AS roll_carry,
            SUM(raw_energy)::float8 AS raw_energy, SUM(roll_energy)::float8 AS roll_energy
       FROM (SELECT org_id, fact, key, detail, COUNT(*) AS raw_starts, 0 AS roll_starts, SUM(extra_days) AS raw_carry,
                    0 AS roll_carry, SUM(energy_kwh) AS raw_energy, 0::float8 AS roll_energy
               FROM (${citations}) c GROUP BY 1, 2, 3, 4
             UNION ALL
             SELECT q.org_id, q.fact, q.key, q.detail, 0, SUM(q.record_starts), 0, SUM(q.record_carry_in), 0,
                    SUM(q.energy_kwh)
               FROM usage_quality_daily q ${rollupWhere} GROUP BY 1, 2, 3, 4) x
      GROUP BY 1, 2, 3, 4
     HAVING SUM(raw_starts) <> SUM(roll_starts) OR SUM(raw_carry) <> SUM(roll_carry)
         OR abs(SUM(raw_energy) - SUM(roll_energy)) > 1e-9 * GREATEST(1, abs(SUM(raw_energy)))
      LIMIT 100`,
  );
  const out: TRollupMismatch[] = [];
  for (const row of byKey) {
    const key = { org_id: row.org_id, fact: row.fact, key: row.key, detail: row.detail };
    for (const column of ['starts', 'carry', 'energy']) {
      const raw = Number(row[`raw_${column}`]);
      const rollup = Number(row[`roll_${column}`]);
      if (Math.abs(raw - rollup) > 1e-9 * Math.max(1, Math.abs(raw))) {
        out.push({ key, column: `quality_${column}`, raw, rollup });
      }
    }
  }
  const byDay = await queryRows<{ org_id: string; day: string; fact: string; raw: number; roll: number }>(
    pgRunner(db),
    sql`SELECT org_id, day::text AS day, fact, SUM(raw)::float8 AS raw, SUM(roll)::float8 AS roll FROM (
        SELECT org_id, day, fact, COUNT(*) AS raw, 0 AS roll FROM (${citations}) c GROUP BY 1, 2, 3
        UNION ALL
        SELECT q.org_id, q.day, q.fact, 0, SUM(q.record_starts) FROM usage_quality_daily q ${rollupWhere}
         GROUP BY 1, 2, 3) x
      GROUP BY 1, 2, 3 HAVING SUM(raw) <> SUM(roll) ORDER BY 1, 2, 3 LIMIT 100`,
  );
  for (const row of byDay) {
    out.push({
      key: { org_id: row.org_id, day: row.day, fact: row.fact },
      column: 'quality_starts_per_day',
      raw: row.raw,
      rollup: row.roll,
    });
  }
  return out;
}
