import 'server-only';
import type {
  AcceleratorSpec,
  EwifFactor,
  FactorLibrary,
  GridFactor,
  LocationFactor,
  NameAliasEntry,
  ProviderDefault,
} from '@/lib/emissions/factor-library-types';
import { applyGridOverrides } from '@/lib/factors/apply-grid-overrides';
import { queryRows, sql } from '../db/sql';
import { pgRunner, type TSqlRunner } from '../db/sql-runner';
import { getBundledGridFactors } from './bundled-grid-factors';
import { bundledInstanceTypes } from './bundled-instance-types';
import { bundledCountryNames } from './iso-country-codes';

type TAcceleratorRow = Omit<
  AcceleratorSpec,
  'embodiedKgCo2e' | 'embodiedLowKgCo2e' | 'embodiedHighKgCo2e'
> & {
  orgId: string | null;
  embodiedKgCo2e: number | null;
  embodiedLowKgCo2e: number | null;
  embodiedHighKgCo2e: number | null;
};
type TGridFactorRow = GridFactor & { kind: 'grid_location' | 'residual_mix' };

// Plain SQL through a runner (docs/decisions/ingest-perf.md): the pg pool by default, so an ingest process never
// loads Prisma, or a Prisma transaction's (`prismaRunner(tx)`, recompute reads its own uncommitted overrides).
// Bundled rows (org_id NULL) first, as the override precedence below expects.
const scopeSql = (orgId: string) =>
  sql`(org_id IS NULL OR org_id = ${orgId}::uuid) ORDER BY org_id ASC NULLS FIRST`;
const acceleratorsSql = (
  orgId: string,
) => sql`SELECT id, org_id AS "orgId", name, aliases, tdp_w AS "tdpW", idle_w AS "idleW",
    memory_gb AS "memoryGb", embodied_kg_co2e AS "embodiedKgCo2e", embodied_low_kg_co2e AS "embodiedLowKgCo2e",
    embodied_high_kg_co2e AS "embodiedHighKgCo2e", source, dataset_version AS "datasetVersion"
  FROM accelerator WHERE ${scopeSql(orgId)}`;
const locationsSql = (
  orgId: string,
) => sql`SELECT provider::text, region_code AS "regionCode", grid_zone AS "gridZone",
    country_code AS "countryCode", pue, wue_l_per_kwh AS "wueLPerKwh", source, dataset_version AS "datasetVersion"
  FROM location WHERE ${scopeSql(orgId)}`;
const overrideFactorsSql = (
  orgId: string,
) => sql`SELECT id, kind::text, zone, granularity::text, period_start AS "periodStart",
    period_end AS "periodEnd", g_co2e_per_kwh AS "gCo2ePerKwh", basis::text, source, licence,
    dataset_version AS "datasetVersion"
  FROM emission_factor WHERE org_id = ${orgId}::uuid ORDER BY zone, period_start`;
const waterSql = (
  orgId: string,
) => sql`SELECT id, zone, l_per_kwh AS "lPerKwh", source, dataset_version AS "datasetVersion"
  FROM water_factor WHERE org_id IS NULL OR org_id = ${orgId}::uuid`;
const nameAliasesSql = (
  orgId: string,
) => sql`SELECT kind::text, alias, target, target_provider AS "targetProvider"
  FROM name_alias WHERE org_id = ${orgId}::uuid ORDER BY created_at`;
const PROVIDER_DEFAULTS_SQL = sql`SELECT provider::text, pue, pue_source AS "pueSource", wue_l_per_kwh AS "wueLPerKwh",
    wue_source AS "wueSource", dataset_version AS "datasetVersion"
  FROM provider_default`;

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
 * and basis over its validity period (`applyGridOverrides`). The organisation's name aliases come along
 * (`nameAliases`, consulted by the resolvers after the catalog). Another organisation's rows are never read.
 */
export async function getFactorLibrary(
  ctx: { orgId: string },
  db: TSqlRunner = pgRunner(),
): Promise<FactorLibrary> {
  const bundledGrid = await getBundledGridFactors();
  // Sequential, not Promise.all: `db` may be an interactive transaction, which runs one query at a time.
  const [accelerators, locations, factors, water, providerDefaults, nameAliases] = [
    await queryRows<TAcceleratorRow>(db, acceleratorsSql(ctx.orgId)),
    await queryRows<LocationFactor>(db, locationsSql(ctx.orgId)),
    await queryRows<TGridFactorRow>(db, overrideFactorsSql(ctx.orgId)),
    await queryRows<EwifFactor>(db, waterSql(ctx.orgId)),
    await queryRows<ProviderDefault>(db, PROVIDER_DEFAULTS_SQL),
    await queryRows<NameAliasEntry>(db, nameAliasesSql(ctx.orgId)),
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
  const locationByKey = new Map<string, LocationFactor>();
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
    countries: bundledCountryNames(),
    instanceTypes: bundledInstanceTypes(),
    nameAliases,
  };
}
