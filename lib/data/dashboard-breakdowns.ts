import 'server-only';
import type { TDateRange } from '@/lib/dashboard/date-range';
import { getPrisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TDashboardFilters, TFilterDimension } from '@/lib/schemas/dashboard-filters';
import type { TPhase } from '@/lib/schemas/usage-record';
import { filteredRecordsSql, filteredSourceSql } from './dashboard-where';
import { planRollupRead } from './rollup-plan';

export const BREAKDOWN_DIMENSIONS = [
  'team',
  'project',
  'model',
  'region',
  'accelerator',
  'provider',
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
};

// Whitelisted key/label expressions per dimension (never interpolate user input as SQL).
const KEY_SQL: Record<TBreakdownDimension, Prisma.Sql> = {
  team: Prisma.sql`t.slug`,
  project: Prisma.sql`p.slug`,
  model: Prisma.sql`r.model`,
  region: Prisma.sql`r.region`,
  accelerator: Prisma.sql`r.accelerator`,
  provider: Prisma.sql`r.provider::text`,
};
const LABEL_SQL: Record<TBreakdownDimension, Prisma.Sql> = {
  team: Prisma.sql`t.name`,
  project: Prisma.sql`p.name`,
  model: Prisma.sql`r.model`,
  region: Prisma.sql`COALESCE(r.provider::text || ' · ', '') || r.region`,
  accelerator: Prisma.sql`r.accelerator`,
  provider: Prisma.sql`r.provider::text`,
};

/**
 * Location/market CO2e and facility energy grouped by each dimension, largest first (one query for all six).
 * Reads the daily rollups when the range is whole local days (every dimension is a rollup column), else raw.
 */
export async function findBreakdowns(
  ctx: { orgId: string },
  filters: TDashboardFilters,
  range: TDateRange,
): Promise<TBreakdownRow[]> {
  const days = await planRollupRead(ctx, range);
  const selects = BREAKDOWN_DIMENSIONS.map(
    (
      dim,
    ) => Prisma.sql`SELECT ${dim}::text AS dimension, ${KEY_SQL[dim]} AS key, MAX(${LABEL_SQL[dim]}) AS label,
           SUM(r.location_kg_co2e * r.w)::float8 AS location, SUM(r.market_kg_co2e * r.w)::float8 AS market,
           SUM(r.facility_energy_kwh * r.w)::float8 AS facility
      FROM fr r LEFT JOIN team t ON t.id = r.team_id LEFT JOIN project p ON p.id = r.project_id
     GROUP BY ${KEY_SQL[dim]}`,
  );
  const rows = await getPrisma().$queryRaw<
    {
      dimension: TBreakdownDimension;
      key: string | null;
      label: string | null;
      location: number;
      market: number;
      facility: number;
    }[]
  >`
    WITH fr AS ${filteredSourceSql(ctx, filters, range, days)}
    SELECT * FROM (${Prisma.join(selects, ' UNION ALL ')}) x ORDER BY dimension, location DESC, key`;
  return rows.map((r) => ({
    dimension: r.dimension,
    key: r.key,
    label: r.label ?? 'Not set',
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
 * (all inference records of one model). Runs are single records, so they always come from the raw records
 * (the (org_id, phase, started_at) index keeps that cheap); deployments come from the rollups when the range
 * allows.
 */
export async function findTopEmitters(
  ctx: { orgId: string },
  filters: TDashboardFilters,
  range: TDateRange,
  limit = 10,
): Promise<TEmitterRow[]> {
  const days = await planRollupRead(ctx, range);
  const rows = await getPrisma().$queryRaw<
    {
      kind: 'run' | 'deployment';
      key: string;
      label: string;
      phase: TPhase | null;
      model: string | null;
      location: number;
      market: number;
      records: number;
    }[]
  >`
    WITH fr AS ${filteredRecordsSql(ctx, filters, range)}, fa AS ${filteredSourceSql(ctx, filters, range, days)}
    SELECT * FROM (
      SELECT 'run' AS kind, r.id::text AS key,
             COALESCE(r.model, (SELECT p.name FROM project p WHERE p.id = r.project_id), r.external_id) || ' · ' || replace(r.phase::text, '_', '-') || ' run from '
               || to_char(r.started_at AT TIME ZONE ${range.timeZone ?? 'UTC'}::text, 'YYYY-MM-DD') AS label,
             r.phase::text AS phase, r.model, (r.location_kg_co2e * r.w)::float8 AS location,
             (r.market_kg_co2e * r.w)::float8 AS market, 1 AS records
        FROM fr r WHERE r.phase IN ('training', 'fine_tuning')
      UNION ALL
      SELECT 'deployment', r.model, r.model || ' · inference', 'inference', r.model,
             SUM(r.location_kg_co2e * r.w)::float8, SUM(r.market_kg_co2e * r.w)::float8, SUM(r.n)::int
        FROM fa r WHERE r.phase = 'inference' AND r.model IS NOT NULL GROUP BY r.model
    ) x ORDER BY location DESC, key LIMIT ${limit}`;
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
