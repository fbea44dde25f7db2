import 'server-only';
import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ParsedRecord } from '@/lib/ingest/types';
import type { TCopyValue } from '../db/pg-copy';
import { slugify } from './teams-and-projects';
import { externalIdOf, hashUsageRecord, type TUsageRecordToStore, toColumns } from './usage-record-columns';

type TColumns = ReturnType<typeof toColumns>;
type TStagedKey = Exclude<keyof TColumns, 'teamId' | 'projectId' | 'uploadId' | 'computedAt'>;

// usage_record columns filled from the staging table, with their Postgres types (enums typed directly so
// COPY validates them). org_id, upload_id, computed_at, team_id and project_id are set by the INSERT.
export const STAGED: readonly (readonly [TStagedKey | 'externalId' | 'contentHash', string, string])[] = [
  ['externalId', 'external_id', 'text'],
  ['contentHash', 'content_hash', 'bytea'],
  ['phase', 'phase', '"Phase"'],
  ['startedAt', 'started_at', 'timestamptz(3)'],
  ['endedAt', 'ended_at', 'timestamptz(3)'],
  ['model', 'model', 'text'],
  ['provider', 'provider', '"Provider"'],
  ['region', 'region', 'text'],
  ['instanceType', 'instance_type', 'text'],
  ['instanceCount', 'instance_count', 'integer'],
  ['instanceHours', 'instance_hours', 'float8'],
  ['accelerator', 'accelerator', 'text'],
  ['acceleratorCount', 'accelerator_count', 'integer'],
  ['acceleratorHours', 'accelerator_hours', 'float8'],
  ['acceleratorPowerW', 'accelerator_power_w', 'float8'],
  ['utilization', 'utilization', 'float8'],
  ['measuredEnergyKwh', 'measured_energy_kwh', 'float8'],
  ['energyPerRequestWh', 'energy_per_request_wh', 'float8'],
  ['pueOverride', 'pue_override', 'float8'],
  ['intensityOverrideGCo2ePerKwh', 'intensity_override_g_co2e_per_kwh', 'float8'],
  ['wueOverrideLPerKwh', 'wue_override_l_per_kwh', 'float8'],
  ['requests', 'requests', 'float8'],
  ['tokens', 'tokens', 'float8'],
  ['aiService', 'ai_service', 'text'],
  ['inputTokens', 'input_tokens', 'float8'],
  ['outputTokens', 'output_tokens', 'float8'],
  ['aiModelRef', 'ai_model_ref', 'text'],
  ['cost', 'cost', 'float8'],
  ['notes', 'notes', 'text'],
  ['uploadLine', 'upload_line', 'integer'],
  ['sourceData', 'source_data', 'jsonb'],
  ['gridZone', 'grid_zone', 'text'],
  ['countryCode', 'country_code', 'text'],
  ['acceleratorCatalogId', 'accelerator_catalog_id', 'text'],
  ['deviceHours', 'device_hours', 'float8'],
  ['powerPerDeviceW', 'power_per_device_w', 'float8'],
  ['itEnergyKwh', 'it_energy_kwh', 'float8'],
  ['facilityEnergyKwh', 'facility_energy_kwh', 'float8'],
  ['pueApplied', 'pue_applied', 'float8'],
  ['intensityGCo2ePerKwh', 'intensity_g_co2e_per_kwh', 'float8'],
  ['intensitySource', 'intensity_source', 'text'],
  ['basis', 'basis', '"FactorBasis"'],
  ['locationKgCo2e', 'location_kg_co2e', 'float8'],
  ['marketKgCo2e', 'market_kg_co2e', 'float8'],
  ['marketMatchedKwh', 'market_matched_kwh', 'float8'],
  ['embodiedKgCo2e', 'embodied_kg_co2e', 'float8'],
  ['waterOnsiteL', 'water_onsite_l', 'float8'],
  ['waterOffsiteL', 'water_offsite_l', 'float8'],
  ['uncertaintyLowKgCo2e', 'uncertainty_low_kg_co2e', 'float8'],
  ['uncertaintyHighKgCo2e', 'uncertainty_high_kg_co2e', 'float8'],
  ['isMeasured', 'is_measured', 'boolean'],
];
const EXTRA = [
  ['factor_refs_id', 'integer'],
  ['team_slug', 'text'],
  ['project_slug', 'text'],
] as const;

export const STAGING_TABLE = 'upload_staging';
/** Columns of the refs table after its integer id, with their types. */
export const STAGING_REFS_COLUMNS = [
  ['factors', 'jsonb NOT NULL'],
  ['methodology_version', 'text NOT NULL'],
  ['assumption_flags', 'text[]'],
  ['market_allocations', 'jsonb'],
] as const;
/**
 * Distinct provenance of the staged rows, referenced by factor_refs_id: the factor set's content (factors,
 * methodology version, flags) and the row's market allocations. `hash` and `factor_set_id` are filled in SQL
 * when the sets are stored (lib/server/usage/factor-sets.ts).
 */
export const STAGING_REFS_TABLE = 'upload_staging_refs';
export const STAGING_COLUMNS = [...STAGED.map(([, column]) => column), ...EXTRA.map(([column]) => column)];
/** usage_record columns copied from the staging table as they are (the provenance comes from the refs table). */
export const STAGED_RECORD_COLUMNS = STAGED.map(([, column]) => column);
export const STAGED_JSONB_COLUMNS = new Set(
  STAGED.flatMap(([, column, type]) => (type === 'jsonb' ? [column] : [])),
);

/** DDL of the per-transaction staging tables (dropped at commit or rollback). */
export const CREATE_STAGING_SQL = [
  `CREATE TEMP TABLE ${STAGING_TABLE} (${[
    ...STAGED.map(([, column, type]) => `"${column}" ${type}`),
    ...EXTRA.map(([column, type]) => `"${column}" ${type}`),
  ].join(', ')}) ON COMMIT DROP`,
  `CREATE TEMP TABLE ${STAGING_REFS_TABLE} (id integer PRIMARY KEY, ${STAGING_REFS_COLUMNS.map(([column, type]) => `"${column}" ${type}`).join(', ')}, hash bytea, factor_set_id bigint) ON COMMIT DROP`,
];

/** What the parser knew about a record's origin, kept beside the inputs (CodeCarbon's own emissions etc.). */
export function sourceDataOf(parsed: ParsedRecord): Prisma.InputJsonValue | undefined {
  if (!parsed.source && parsed.flags.length === 0) {
    return undefined;
  }
  return { ...(parsed.source ?? {}), ingestFlags: parsed.flags } as unknown as Prisma.InputJsonValue;
}

const slugs = new Map<string, string>();
/** `slugify` memoised: an upload names the same few teams and projects on every row. */
export function slugOf(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    if (slugs.size >= 10_000) {
      slugs.clear();
    }
    slug = slugify(name);
    slugs.set(name, slug);
  }
  return slug;
}

/**
 * The refs-table row of a footprint's provenance (values after the id, in `STAGING_REFS_COLUMNS` order): factor
 * set content as JSON text and its market allocations (null when none: most records).
 */
export function provenanceRowOf(footprint: RecordFootprint): TCopyValue[] {
  const { factorRefs, methodologyVersion, assumptions, marketAllocations } = footprint;
  return [
    JSON.stringify(factorRefs),
    methodologyVersion,
    [...assumptions],
    marketAllocations.length > 0 ? JSON.stringify(marketAllocations) : null,
  ];
}

/**
 * The staging row of a record to store (values in `STAGING_COLUMNS` order) and its external id.
 * `factorRefsId` points at the row's provenance document in the refs table.
 */
export function stagingRowOf(
  item: TUsageRecordToStore,
  computedAt: Date,
  factorRefsId: number,
): { externalId: string; row: TCopyValue[]; teamSlug: string | null; projectSlug: string | null } {
  const contentHash = hashUsageRecord(item.record);
  const externalId = externalIdOf(item.record, contentHash);
  const columns: Record<string, unknown> = toColumns(item, null, null, computedAt);
  columns.externalId = externalId;
  // bytea input: `\x` + hex (COPY csv and json_populate_recordset alike).
  columns.contentHash = `\\x${contentHash}`;
  const row: TCopyValue[] = new Array(STAGING_COLUMNS.length);
  for (let i = 0; i < STAGED.length; i++) {
    const [key, , type] = STAGED[i] as (typeof STAGED)[number];
    const value = columns[key];
    row[i] =
      type === 'jsonb' && value !== undefined && value !== null
        ? JSON.stringify(value)
        : (value as TCopyValue);
  }
  const { team, project } = item.record;
  const teamSlug = team ? slugOf(team) : null;
  const projectSlug = project ? slugOf(project) : null;
  let i = STAGED.length;
  row[i++] = factorRefsId;
  row[i++] = teamSlug;
  row[i] = projectSlug;
  return { externalId, row, teamSlug, projectSlug };
}

/** The staging item of a parsed upload row. */
export function uploadItemOf(parsed: ParsedRecord, footprint: RecordFootprint): TUsageRecordToStore {
  const item = {
    record: parsed.record,
    footprint,
    uploadLine: parsed.line,
    sourceData: sourceDataOf(parsed),
  };
  return parsed.ai ? { ...item, ai: parsed.ai } : item;
}
