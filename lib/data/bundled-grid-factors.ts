import 'server-only';
import type { PrismaClient } from '@/lib/db';
import type { GridFactor } from '@/lib/emissions/factor-library-types';

type Db = Pick<PrismaClient, '$queryRaw'>;

export interface TBundledGridFactors {
  gridLocation: readonly GridFactor[];
  residualMix: readonly GridFactor[];
}

// The bundled grid factors (~105k rows, org_id NULL) change only when the bundled library is reloaded, so they are
// read once per process with one raw query (several times faster than findMany over the driver adapter) and
// reused while a cheap fingerprint (row count and newest created_at) is unchanged. Callers must not mutate them.
let cached: { fingerprint: string; factors: TBundledGridFactors } | undefined;

/** The bundled grid and residual-mix factors, ordered by zone and period start. */
export async function getBundledGridFactors(db: Db): Promise<TBundledGridFactors> {
  const [fp] = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT count(*)::text || ':' || coalesce(max(created_at)::text, '') AS fingerprint
      FROM emission_factor WHERE org_id IS NULL`;
  const fingerprint = fp?.fingerprint ?? '';
  if (cached?.fingerprint === fingerprint) {
    return cached.factors;
  }
  const rows = await db.$queryRaw<
    {
      id: string;
      kind: string;
      zone: string;
      granularity: GridFactor['granularity'];
      period_start: Date;
      period_end: Date;
      g_co2e_per_kwh: number;
      basis: GridFactor['basis'];
      source: string;
      licence: string;
      dataset_version: string;
    }[]
  >`
    SELECT id, kind::text AS kind, zone, granularity::text AS granularity, period_start, period_end, g_co2e_per_kwh,
           basis::text AS basis, source, licence, dataset_version
      FROM emission_factor WHERE org_id IS NULL ORDER BY zone, period_start`;
  const factors: TBundledGridFactors = { gridLocation: [], residualMix: [] };
  const gridLocation: GridFactor[] = [];
  const residualMix: GridFactor[] = [];
  for (const r of rows) {
    const factor: GridFactor = {
      id: r.id,
      zone: r.zone,
      granularity: r.granularity,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      gCo2ePerKwh: r.g_co2e_per_kwh,
      basis: r.basis,
      source: r.source,
      licence: r.licence,
      datasetVersion: r.dataset_version,
    };
    (r.kind === 'residual_mix' ? residualMix : gridLocation).push(factor);
  }
  factors.gridLocation = gridLocation;
  factors.residualMix = residualMix;
  cached = { fingerprint, factors };
  return factors;
}
