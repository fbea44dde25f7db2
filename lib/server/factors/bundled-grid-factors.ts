import 'server-only';
import type { GridFactor } from '@/lib/emissions/factor-library-types';
import { GridFactorColumns } from '@/lib/emissions/grid-factor-columns';
import { getPgPool } from '../db/pg-pool';
import { queryArrayRows, queryRows, sql } from '../db/sql';
import { pgRunner } from '../db/sql-runner';

const PAGE_ROWS = 10_000;
// zone, start ms, id, kind, granularity, end ms, g/kWh, basis, source, licence, dataset version
type TRow = [string, number, string, string, string, number, number, string, string, string, string];

/** Returns one shared instance per distinct string, so repeated column values are stored once. */
function createInterner(): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined) {
      return hit;
    }
    known.set(text, text);
    return text;
  };
}

export interface TBundledGridFactors {
  gridLocation: readonly GridFactor[];
  residualMix: readonly GridFactor[];
}

// The bundled grid factors (~105k rows, org_id NULL) change only when the bundled library is reloaded, so they are
// read once per process with one raw query (several times faster than findMany over the driver adapter) and
// reused while a cheap fingerprint (row count and newest created_at) is unchanged. Callers must not mutate them.
let cached: { fingerprint: string; factors: TBundledGridFactors } | undefined;

/** The bundled grid and residual-mix factors, ordered by zone and period start. */
export async function getBundledGridFactors(): Promise<TBundledGridFactors> {
  const pool = getPgPool();
  const [fp] = await queryRows<{ fingerprint: string }>(
    pgRunner(pool),
    sql`SELECT count(*)::text || ':' || coalesce(max(created_at)::text, '') AS fingerprint
       FROM emission_factor WHERE org_id IS NULL`,
  );
  const fingerprint = fp?.fingerprint ?? '';
  if (cached?.fingerprint === fingerprint) {
    return cached.factors;
  }
  const factors: TBundledGridFactors = { gridLocation: [], residualMix: [] };
  const gridLocation: GridFactor[] = [];
  const residualMix: GridFactor[] = [];
  // Lean load (docs/decisions/ingest-perf.md): plain pg in pages of PAGE_ROWS rows (array rows, epoch-ms numbers,
  // no Prisma row objects), so the transient garbage of the load stays small, into column storage
  // (GridFactorColumns: each factor is a ~40 B view; the shared texts are interned and kept once).
  const intern = createInterner();
  const columns = new GridFactorColumns();
  let after: [string, number, string] | null = null;
  for (;;) {
    const [afterZone, afterStartMs, afterId]: [string | null, number | null, string | null] = after ?? [
      null,
      null,
      null,
    ];
    const rows: TRow[] = await queryArrayRows<TRow>(
      pool,
      sql`SELECT zone, (extract(epoch FROM period_start) * 1000)::float8, id, kind::text, granularity::text,
                    (extract(epoch FROM period_end) * 1000)::float8, g_co2e_per_kwh, basis::text, source, licence,
                    dataset_version
               FROM emission_factor
              WHERE org_id IS NULL
                AND (${afterZone}::text IS NULL
                     OR (zone, period_start, id) > (${afterZone}, to_timestamp(${afterStartMs}::float8 / 1000), ${afterId}))
              ORDER BY zone, period_start, id LIMIT ${PAGE_ROWS}`,
    );
    for (const r of rows) {
      const factor = columns.add(r[2], r[1], r[5], r[6], {
        zone: intern(r[0]),
        granularity: intern(r[4]) as GridFactor['granularity'],
        basis: intern(r[7]) as GridFactor['basis'],
        source: intern(r[8]),
        licence: intern(r[9]),
        datasetVersion: intern(r[10]),
      });
      (r[3] === 'residual_mix' ? residualMix : gridLocation).push(factor);
    }
    const last: TRow | undefined = rows[rows.length - 1];
    if (!last || rows.length < PAGE_ROWS) {
      break;
    }
    after = [last[0], last[1], last[2]];
  }
  factors.gridLocation = gridLocation;
  factors.residualMix = residualMix;
  cached = { fingerprint, factors };
  return factors;
}
