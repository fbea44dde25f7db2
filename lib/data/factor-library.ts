import 'server-only';
import { getPrisma, type PrismaClient } from '@/lib/db';
import type { AcceleratorSpec, FactorLibrary, GridFactor } from '@/lib/emissions/factor-library-types';
import { applyGridOverrides } from '@/lib/factors/apply-grid-overrides';
import { getBundledGridFactors } from './bundled-grid-factors';

type Db = Pick<
  PrismaClient,
  'accelerator' | 'location' | 'emissionFactor' | 'waterFactor' | 'providerDefault' | '$queryRaw'
>;

/** Only the engine's fields: database rows also carry org_id, kind and created_at. */
function toGridFactor(row: GridFactor): GridFactor {
  const { id, zone, granularity, periodStart, periodEnd, gCo2ePerKwh, basis, source, licence } = row;
  return {
    id,
    zone,
    granularity,
    periodStart,
    periodEnd,
    gCo2ePerKwh,
    basis,
    source,
    licence,
    datasetVersion: row.datasetVersion,
  };
}

/**
 * The factor library the engine uses for an organisation: bundled factors plus the organisation's overrides.
 * An override replaces the bundled accelerator of the same name (and is listed first, so its aliases win) and the
 * bundled location of the same provider/region; an override grid factor replaces the bundled factors of its zone
 * and basis over its validity period (`applyGridOverrides`). Another organisation's overrides are never read.
 */
export async function getFactorLibrary(ctx: { orgId: string }, db: Db = getPrisma()): Promise<FactorLibrary> {
  const scope = { OR: [{ orgId: null }, { orgId: ctx.orgId }] };
  // Sequential, not Promise.all: `db` may be an interactive transaction, which runs one query at a time.
  const bundledGrid = await getBundledGridFactors(db);
  const [accelerators, locations, factors, water, providerDefaults] = [
    await db.accelerator.findMany({ where: scope, orderBy: [{ orgId: { sort: 'asc', nulls: 'first' } }] }),
    await db.location.findMany({ where: scope, orderBy: [{ orgId: { sort: 'asc', nulls: 'first' } }] }),
    await db.emissionFactor.findMany({
      where: { orgId: ctx.orgId },
      orderBy: [{ zone: 'asc' }, { periodStart: 'asc' }],
    }),
    await db.waterFactor.findMany({ where: scope }),
    await db.providerDefault.findMany({}),
  ];
  const acceleratorByName = new Map<string, AcceleratorSpec>();
  for (const a of accelerators) {
    acceleratorByName.set(a.name, {
      id: a.id,
      name: a.name,
      aliases: a.aliases,
      tdpW: a.tdpW,
      idleW: a.idleW,
      memoryGb: a.memoryGb,
      embodiedKgCo2e: a.embodiedKgCo2e ?? 0,
      embodiedLowKgCo2e: a.embodiedLowKgCo2e ?? a.embodiedKgCo2e ?? 0,
      embodiedHighKgCo2e: a.embodiedHighKgCo2e ?? a.embodiedKgCo2e ?? 0,
      source: a.source,
      datasetVersion: a.datasetVersion,
    });
  }
  const locationByKey = new Map<string, FactorLibrary['locations'][number]>();
  for (const l of locations) {
    locationByKey.set(`${l.provider}:${l.regionCode}`, {
      provider: l.provider,
      regionCode: l.regionCode,
      gridZone: l.gridZone,
      countryCode: l.countryCode,
      pue: l.pue,
      wueLPerKwh: l.wueLPerKwh,
      source: l.source,
      datasetVersion: l.datasetVersion,
    });
  }
  const grid = (kind: 'grid_location' | 'residual_mix') =>
    applyGridOverrides(
      kind === 'grid_location' ? bundledGrid.gridLocation : bundledGrid.residualMix,
      factors.filter((f) => f.kind === kind).map(toGridFactor),
    );
  const orgAcceleratorNames = new Set(accelerators.filter((a) => a.orgId !== null).map((a) => a.name));
  const acceleratorList = [...acceleratorByName.values()];
  return {
    accelerators: [
      ...acceleratorList.filter((a) => orgAcceleratorNames.has(a.name)),
      ...acceleratorList.filter((a) => !orgAcceleratorNames.has(a.name)),
    ],
    locations: [...locationByKey.values()],
    gridFactors: grid('grid_location'),
    residualMixes: grid('residual_mix'),
    ewif: water.map((w) => ({
      id: w.id,
      zone: w.zone,
      lPerKwh: w.lPerKwh,
      source: w.source,
      datasetVersion: w.datasetVersion,
    })),
    providerDefaults: providerDefaults.map((p) => ({ ...p })),
  };
}
