import 'server-only';
import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ParsedRecord } from '@/lib/ingest/types';
import { type TCopyValue, toCopyCsvLine } from './pg-copy';
import type { TSqlRunner } from './sql-runner';
import { slugify } from './teams-and-projects';
import { externalIdOf, hashUsageRecord, type TUsageRecordToStore, toColumns } from './usage-record-columns';

type TColumns = ReturnType<typeof toColumns>;
type TStagedKey = Exclude<keyof TColumns, 'teamId' | 'projectId' | 'uploadId' | 'computedAt'>;

// usage_record columns filled from the staging table, with their Postgres types (enums typed directly so
// COPY validates them). org_id, upload_id, computed_at, team_id and project_id are set by the INSERT.
const STAGED: readonly (readonly [TStagedKey | 'externalId' | 'contentHash', string, string])[] = [
  ['externalId', 'external_id', 'text'],
  ['contentHash', 'content_hash', 'text'],
  ['phase', 'phase', '"Phase"'],
  ['startedAt', 'started_at', 'timestamptz(3)'],
  ['endedAt', 'ended_at', 'timestamptz(3)'],
  ['model', 'model', 'text'],
  ['provider', 'provider', '"Provider"'],
  ['region', 'region', 'text'],
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
  ['methodologyVersion', 'methodology_version', 'text'],
  ['factorRefs', 'factor_refs', 'jsonb'],
  ['assumptionFlags', 'assumption_flags', 'text[]'],
];
const EXTRA = [
  ['team_slug', 'text'],
  ['team_name', 'text'],
  ['project_slug', 'text'],
  ['project_name', 'text'],
] as const;

export const STAGING_TABLE = 'upload_staging';
export const STAGING_COLUMNS = [...STAGED.map(([, column]) => column), ...EXTRA.map(([column]) => column)];

/** DDL of the per-transaction staging table (dropped at commit or rollback). */
export const CREATE_STAGING_SQL = `CREATE TEMP TABLE ${STAGING_TABLE} (${[
  ...STAGED.map(([, column, type]) => `"${column}" ${type}`),
  ...EXTRA.map(([column, type]) => `"${column}" ${type}`),
].join(', ')}) ON COMMIT DROP`;

/** COPY statement that fills the staging table from CSV text (`toCopyCsvLine` rows). */
export const COPY_STAGING_SQL = `COPY ${STAGING_TABLE} (${STAGING_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN WITH (FORMAT csv)`;

/** (Re)creates the staging table in the current transaction (a second store in one transaction starts empty). */
export async function createStagingTable(db: TSqlRunner): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS pg_temp.${STAGING_TABLE}`);
  await db.query(CREATE_STAGING_SQL);
}

/**
 * Fills the staging table: with COPY where the runner has it (pg), else with one INSERT of a JSON array
 * (Prisma interactive transactions; same table, same upsert afterwards).
 */
export async function stageRows(db: TSqlRunner, rows: readonly TCopyValue[][]): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  if (db.copyIn) {
    const chunks: string[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      chunks.push(
        rows
          .slice(i, i + 500)
          .map((row) => toCopyCsvLine(row))
          .join(''),
      );
    }
    await db.copyIn(COPY_STAGING_SQL, chunks);
    return;
  }
  const objects = rows.map((row) =>
    Object.fromEntries(
      STAGING_COLUMNS.map((column, i) => {
        const value = row[i];
        const jsonb = STAGED[i]?.[2] === 'jsonb' && typeof value === 'string';
        return [column, jsonb ? JSON.parse(value) : value instanceof Date ? value.toISOString() : value];
      }),
    ),
  );
  await db.query(
    `INSERT INTO ${STAGING_TABLE} SELECT * FROM json_populate_recordset(NULL::${STAGING_TABLE}, $1::json)`,
    [JSON.stringify(objects)],
  );
}

/** What the parser knew about a record's origin, kept beside the inputs (CodeCarbon's own emissions etc.). */
export function sourceDataOf(parsed: ParsedRecord): Prisma.InputJsonValue | undefined {
  if (!parsed.source && parsed.flags.length === 0) {
    return undefined;
  }
  return { ...(parsed.source ?? {}), ingestFlags: parsed.flags } as unknown as Prisma.InputJsonValue;
}

/** One staging row (values in `STAGING_COLUMNS` order) and the record's external id. */
export function toStagingRow(
  parsed: ParsedRecord,
  footprint: RecordFootprint,
  computedAt: Date,
): { externalId: string; row: TCopyValue[] } {
  return stagingRowOf(
    { record: parsed.record, footprint, uploadLine: parsed.line, sourceData: sourceDataOf(parsed) },
    computedAt,
  );
}

// Provenance JSON per distinct factor set: memoised footprints share their factorRefs array, so each distinct
// set is serialised once per upload instead of once per row (~1.5 KB of JSON each; docs/BENCHMARKS.md).
const provenanceJson = new WeakMap<object, string>();

/** usage_record.factor_refs as JSON text: `{ factors, marketAllocations }` (read by usage-record-detail.ts). */
export function factorRefsJson(footprint: RecordFootprint): string {
  const { factorRefs: factors, marketAllocations } = footprint;
  if (marketAllocations.length > 0) {
    return JSON.stringify({ factors, marketAllocations });
  }
  let json = provenanceJson.get(factors);
  if (json === undefined) {
    json = JSON.stringify({ factors, marketAllocations });
    provenanceJson.set(factors, json);
  }
  return json;
}

const slugs = new Map<string, string>();
/** `slugify` memoised: an upload names the same few teams and projects on every row. */
function slugOf(name: string): string {
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

/** The staging row of any record to store (API, live ingestion, seed) and its external id. */
export function stagingRowOf(
  item: TUsageRecordToStore,
  computedAt: Date,
): { externalId: string; row: TCopyValue[] } {
  const contentHash = hashUsageRecord(item.record);
  const externalId = externalIdOf(item.record, contentHash);
  const columns: Record<string, unknown> = toColumns(item, null, null, computedAt);
  columns.externalId = externalId;
  columns.contentHash = contentHash;
  columns.factorRefs = factorRefsJson(item.footprint);
  const row: TCopyValue[] = new Array(STAGING_COLUMNS.length);
  for (let i = 0; i < STAGED.length; i++) {
    const [key, , type] = STAGED[i] as (typeof STAGED)[number];
    const value = columns[key];
    row[i] =
      type === 'jsonb' && value !== undefined && value !== null && typeof value !== 'string'
        ? JSON.stringify(value)
        : (value as TCopyValue);
  }
  const { team, project } = item.record;
  let i = STAGED.length;
  row[i++] = team ? slugOf(team) : null;
  row[i++] = team ?? null;
  row[i++] = project ? slugOf(project) : null;
  row[i] = project ?? null;
  return { externalId, row };
}

export interface TApplyResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Moves the staged rows into usage_record with one set-based upsert on (org_id, external_id): teams and
 * projects named on the rows are created (matched by slug), a known external id whose content changed is
 * replaced and the replacement logged as a RestatementEntry (`reason`, plus the line when known), unchanged
 * rows stay as they are. `dedupe`: the input may hold the same external id twice (identical rows); keep the
 * last one. Statement-level work only, so triggers on usage_record fire once per statement.
 */
export async function applyStagedRecords(
  client: TSqlRunner,
  args: { orgId: string; uploadId: string | null; reason: string; computedAt: Date; dedupe: boolean },
): Promise<TApplyResult> {
  const { orgId, uploadId, reason, computedAt } = args;
  const source = args.dedupe
    ? `(SELECT DISTINCT ON (external_id) * FROM ${STAGING_TABLE} ORDER BY external_id, upload_line DESC)`
    : STAGING_TABLE;
  for (const [table, kind] of [
    ['team', 'team'],
    ['project', 'project'],
  ] as const) {
    await client.query(
      `INSERT INTO "${table}" (org_id, slug, name)
       SELECT $1::uuid, ${kind}_slug, min(${kind}_name) FROM ${STAGING_TABLE} WHERE ${kind}_slug IS NOT NULL GROUP BY ${kind}_slug
       ON CONFLICT (org_id, slug) DO NOTHING`,
      [orgId],
    );
  }
  await client.query(
    `INSERT INTO restatement_entry (org_id, record_id, field, old_value, new_value, reason)
     SELECT u.org_id, u.id, 'record',
       json_build_object('contentHash', u.content_hash, 'uploadId', u.upload_id, 'facilityEnergyKwh', u.facility_energy_kwh, 'locationKgCo2e', u.location_kg_co2e)::text,
       json_build_object('contentHash', s.content_hash, 'uploadId', $2::uuid, 'facilityEnergyKwh', s.facility_energy_kwh, 'locationKgCo2e', s.location_kg_co2e)::text,
       $3::text || coalesce(' (line ' || s.upload_line || ')', '')
     FROM ${source} s JOIN usage_record u ON u.org_id = $1::uuid AND u.external_id = s.external_id
     WHERE u.content_hash IS DISTINCT FROM s.content_hash`,
    [orgId, uploadId, reason],
  );
  const staged = STAGED.map(([, column]) => `"${column}"`);
  const result = await client.query<{ inserted: boolean; n: string }>(
    `WITH upserted AS (
       INSERT INTO usage_record (org_id, upload_id, computed_at, updated_at, team_id, project_id, ${staged.join(', ')})
       SELECT $1::uuid, $2::uuid, $3::timestamptz, now(), t.id, p.id, ${staged.map((c) => `s.${c}`).join(', ')}
       FROM ${source} s
       LEFT JOIN team t ON t.org_id = $1 AND t.slug = s.team_slug
       LEFT JOIN project p ON p.org_id = $1 AND p.slug = s.project_slug
       ON CONFLICT (org_id, external_id) DO UPDATE SET
         upload_id = EXCLUDED.upload_id, computed_at = EXCLUDED.computed_at, updated_at = now(),
         team_id = EXCLUDED.team_id, project_id = EXCLUDED.project_id,
         ${staged.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
       WHERE usage_record.content_hash IS DISTINCT FROM EXCLUDED.content_hash
       RETURNING (xmax = 0) AS inserted
     ) SELECT inserted, count(*)::text AS n FROM upserted GROUP BY inserted`,
    [orgId, uploadId, computedAt],
  );
  const created = Number(result.find((r) => r.inserted)?.n ?? 0);
  const updated = Number(result.find((r) => !r.inserted)?.n ?? 0);
  const total = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${source} s`);
  return { created, updated, unchanged: Number(total[0]?.n ?? 0) - created - updated };
}
