import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { likeLiteral } from '../db/like-literal';

// Read models for the Factors page: what the factor library holds, bundled and the organisation's overrides.
// Grid factors (~100k rows) are summarised in SQL, never loaded whole.

export interface TGridDatasetDto {
  datasetVersion: string;
  kind: 'grid_location' | 'residual_mix';
  source: string;
  licence: string;
  basis: 'direct' | 'lifecycle';
  granularity: 'yearly' | 'monthly' | 'hourly';
  zones: number;
  factors: number;
  periodStart: Date;
  periodEnd: Date;
}

/** Bundled grid factors grouped by dataset, basis and granularity, with coverage. */
export async function findGridDatasets(): Promise<TGridDatasetDto[]> {
  const rows = await queryRows<
    Omit<TGridDatasetDto, 'zones' | 'factors'> & { zones: bigint; factors: bigint }
  >(
    getPrisma(),
    sql`
    SELECT dataset_version AS "datasetVersion", kind::text AS kind, min(source) AS source, min(licence) AS licence,
           basis::text AS basis, granularity::text AS granularity, count(DISTINCT zone) AS zones,
           count(*) AS factors, min(period_start) AS "periodStart", max(period_end) AS "periodEnd"
    FROM emission_factor WHERE org_id IS NULL
    GROUP BY dataset_version, kind, basis, granularity
    ORDER BY dataset_version, kind, basis, granularity`,
  );
  return rows.map((r) => ({ ...r, zones: Number(r.zones), factors: Number(r.factors) }));
}

export interface TZoneFactorDto {
  id: string;
  zone: string;
  granularity: string;
  basis: string;
  periodStart: Date;
  periodEnd: Date;
  gCo2ePerKwh: number;
  source: string;
  isOverride: boolean;
}

const ZONE_FACTOR_SELECT = {
  id: true,
  zone: true,
  granularity: true,
  basis: true,
  periodStart: true,
  periodEnd: true,
  gCo2ePerKwh: true,
  source: true,
  orgId: true,
} as const;

/** Yearly and monthly factors (bundled and this organisation's) for one zone, newest first, at most 60. */
export async function findZoneFactors(ctx: { orgId: string }, zone: string): Promise<TZoneFactorDto[]> {
  const rows = await getPrisma().emissionFactor.findMany({
    where: {
      zone: { equals: zone, mode: 'insensitive' },
      granularity: { in: ['yearly', 'monthly'] },
      OR: [{ orgId: null }, { orgId: ctx.orgId }],
    },
    orderBy: [{ periodStart: 'desc' }, { basis: 'asc' }],
    take: 60,
    select: ZONE_FACTOR_SELECT,
  });
  return rows.map(toZoneFactorDto);
}

function toZoneFactorDto(r: {
  id: string;
  zone: string;
  granularity: string;
  basis: string;
  periodStart: Date;
  periodEnd: Date;
  gCo2ePerKwh: number;
  source: string;
  orgId: string | null;
}): TZoneFactorDto {
  const { orgId, ...rest } = r;
  return { ...rest, isOverride: orgId !== null };
}

const scoped = (orgId: string) => ({ OR: [{ orgId: null }, { orgId }] });

/** Provider regions and sites → grid zone, PUE and WUE; filtered by zone, country or region when `query` is given. */
export async function findLocations(ctx: { orgId: string }, rawQuery: string | null) {
  const query = rawQuery === null ? null : likeLiteral(rawQuery);
  const match: Prisma.LocationWhereInput = query
    ? {
        OR: [
          { gridZone: { equals: query, mode: 'insensitive' } },
          { countryCode: { equals: query, mode: 'insensitive' } },
          // Substring search on region codes only from 3 characters: "FR" must not match "africa-south1".
          {
            regionCode:
              rawQuery !== null && rawQuery.length >= 3
                ? { contains: query, mode: 'insensitive' }
                : { equals: query, mode: 'insensitive' },
          },
        ],
      }
    : {};
  const rows = await getPrisma().location.findMany({
    where: { AND: [scoped(ctx.orgId), match] },
    orderBy: [{ provider: 'asc' }, { regionCode: 'asc' }],
    take: query ? 200 : 400,
  });
  return rows.map(({ orgId, createdAt: _c, ...rest }) => ({ ...rest, isOverride: orgId !== null }));
}

export async function findAccelerators(ctx: { orgId: string }) {
  const rows = await getPrisma().accelerator.findMany({ where: scoped(ctx.orgId), orderBy: { name: 'asc' } });
  return rows.map(({ orgId, createdAt: _c, ...rest }) => ({ ...rest, isOverride: orgId !== null }));
}

export async function findWaterFactors(ctx: { orgId: string }, query: string | null) {
  return getPrisma().waterFactor.findMany({
    where: {
      AND: [scoped(ctx.orgId), query ? { zone: { contains: likeLiteral(query), mode: 'insensitive' } } : {}],
    },
    orderBy: { zone: 'asc' },
    select: { id: true, zone: true, lPerKwh: true, source: true, datasetVersion: true },
  });
}

export async function findProviderDefaults() {
  return getPrisma().providerDefault.findMany({ orderBy: { provider: 'asc' } });
}

/** The organisation's own grid-factor overrides. */
export async function findGridFactorOverrides(ctx: { orgId: string }): Promise<TZoneFactorDto[]> {
  const rows = await getPrisma().emissionFactor.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ zone: 'asc' }, { periodStart: 'asc' }],
    select: ZONE_FACTOR_SELECT,
  });
  return rows.map(toZoneFactorDto);
}
