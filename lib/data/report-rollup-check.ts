import 'server-only';
import type pg from 'pg';
import { ROLLUP_COLUMNS } from './quarter-aggregates-rollups';
import type { TRollupMismatch } from './rollup-check';

const KEYS = 'org_id, month, phase, team_id, model, region, provider, grid_zone, is_measured';
/** The rollups' additive quantities (snake_case columns), as the report reads them. */
const SUMS = ROLLUP_COLUMNS.map(([column]) => column);

/**
 * Proves report_rollup_monthly equals usage_rollup_daily summed per local month and report dimension (counts
 * exactly, quantities to 1e-9 relative); the daily rollups are themselves checked against the raw records
 * (./rollup-check.ts), so this closes the chain records → daily → monthly.
 */
export async function findMonthlyRollupMismatches(
  db: pg.ClientBase | pg.Pool,
  orgId?: string,
): Promise<TRollupMismatch[]> {
  const columns = ['record_starts', 'record_carry_first', ...SUMS];
  const daily = [
    'SUM(d.record_starts) AS a_record_starts',
    'COALESCE(SUM(d.record_carry_in) FILTER (WHERE extract(day FROM d.day) = 1), 0) AS a_record_carry_first',
    ...SUMS.map((c) => `SUM(d.${c}) AS a_${c}`),
  ].join(', ');
  const outer = columns
    .map((c) => `SUM(a_${c})::float8 AS daily_${c}, SUM(b_${c})::float8 AS monthly_${c}`)
    .join(', ');
  const zeros = (prefix: string) => columns.map((c) => `0 AS ${prefix}_${c}`).join(', ');
  const differs = columns
    .map((c) => `abs(SUM(a_${c}) - SUM(b_${c})) > 1e-9 * GREATEST(1, abs(SUM(a_${c})))`)
    .join(' OR ');
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT ${KEYS}, ${outer} FROM (
        SELECT d.org_id, date_trunc('month', d.day)::date AS month, d.phase, d.team_id, d.model, d.region, d.provider,
               d.grid_zone, d.is_measured, ${daily}, ${zeros('b')}
          FROM usage_rollup_daily d WHERE $1::uuid IS NULL OR d.org_id = $1::uuid GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        UNION ALL
        SELECT ${KEYS}, ${zeros('a')}, ${columns.map((c) => `m.${c} AS b_${c}`).join(', ')}
          FROM report_rollup_monthly m WHERE $1::uuid IS NULL OR m.org_id = $1::uuid) x
      GROUP BY ${KEYS} HAVING ${differs} LIMIT 100`,
    [orgId ?? null],
  );
  const out: TRollupMismatch[] = [];
  for (const row of rows) {
    const key = Object.fromEntries(KEYS.split(', ').map((k) => [k, row[k]]));
    for (const c of columns) {
      const a = Number(row[`daily_${c}`] ?? 0);
      const b = Number(row[`monthly_${c}`] ?? 0);
      if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
        out.push({ key, column: `monthly_${c}`, raw: a, rollup: b });
      }
    }
  }
  return out;
}
