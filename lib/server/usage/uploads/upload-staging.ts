import 'server-only';
import { executeSql, queryRows, rawSql, sql } from '../../db/sql';
import type { TSqlRunner } from '../../db/sql-runner';
import { storeStagedFactorSets } from '../factor-sets';
import { STAGED_RECORD_COLUMNS, STAGING_REFS_TABLE, STAGING_TABLE } from '../staging-rows';

export interface TApplyResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Moves the staged rows into usage_record with one set-based upsert on (org_id, external_id): teams and
 * projects named on the rows are created (matched by slug), each row's provenance set is stored once
 * (factor-sets.ts) and referenced by id, a known external id whose content changed is
 * replaced and the replacement logged as a RestatementEntry (`reason`, plus the line when known), unchanged
 * rows stay as they are. `dedupe`: the input may hold the same external id twice (identical rows); keep the
 * last one. Statement-level work only, so triggers on usage_record fire once per statement.
 */
export async function applyStagedRecords(
  client: TSqlRunner,
  args: {
    orgId: string;
    uploadId: string | null;
    reason: string;
    computedAt: Date;
    dedupe: boolean;
    /** Rows staged (known to the writer); counted in SQL when rows were deduplicated. */
    stagedRows: number;
    /** Teams and projects named on the staged rows, slug → name (collected by the writer, no table scan). */
    teams: ReadonlyMap<string, string>;
    projects: ReadonlyMap<string, string>;
  },
): Promise<TApplyResult> {
  const { orgId, uploadId, reason, computedAt } = args;
  // Table and column names below are constants of the code (staging-rows.ts), spliced in with rawSql.
  const stagingTable = rawSql(STAGING_TABLE);
  const source = args.dedupe
    ? sql`(SELECT DISTINCT ON (external_id) * FROM ${stagingTable} ORDER BY external_id, upload_line DESC)`
    : stagingTable;
  for (const [table, names] of [
    ['team', args.teams],
    ['project', args.projects],
  ] as const) {
    if (names.size > 0) {
      await executeSql(
        client,
        sql`INSERT INTO ${rawSql(`"${table}"`)} (org_id, slug, name)
         SELECT ${orgId}::uuid, slug, name FROM unnest(${[...names.keys()]}::text[], ${[...names.values()]}::text[]) AS n(slug, name)
         ON CONFLICT (org_id, slug) DO NOTHING`,
      );
    }
  }
  await executeSql(
    client,
    sql`INSERT INTO restatement_entry (org_id, record_id, field, old_value, new_value, reason)
     SELECT u.org_id, u.id, 'record',
       json_build_object('contentHash', encode(u.content_hash, 'hex'), 'uploadId', u.upload_id, 'facilityEnergyKwh', u.facility_energy_kwh, 'locationKgCo2e', u.location_kg_co2e)::text,
       json_build_object('contentHash', encode(s.content_hash, 'hex'), 'uploadId', ${uploadId}::uuid, 'facilityEnergyKwh', s.facility_energy_kwh, 'locationKgCo2e', s.location_kg_co2e)::text,
       ${reason}::text || coalesce(' (line ' || s.upload_line || ')', '')
     FROM ${source} s JOIN usage_record u ON u.org_id = ${orgId}::uuid AND u.external_id = s.external_id
     WHERE u.content_hash IS DISTINCT FROM s.content_hash`,
  );
  await storeStagedFactorSets(client, orgId);
  const staged = STAGED_RECORD_COLUMNS.map((column) => `"${column}"`);
  const columnList = (render: (column: string) => string) => rawSql(staged.map(render).join(', '));
  const result = await queryRows<{ inserted: boolean; n: string }>(
    client,
    sql`WITH upserted AS (
       INSERT INTO usage_record (org_id, upload_id, computed_at, team_id, project_id, factor_set_id, market_allocations, ${columnList((c) => c)})
       SELECT ${orgId}::uuid, ${uploadId}::uuid, ${computedAt}::timestamptz, t.id, p.id, r.factor_set_id, r.market_allocations, ${columnList((c) => `s.${c}`)}
       FROM ${source} s
       JOIN ${rawSql(STAGING_REFS_TABLE)} r ON r.id = s.factor_refs_id
       LEFT JOIN team t ON t.org_id = ${orgId}::uuid AND t.slug = s.team_slug
       LEFT JOIN project p ON p.org_id = ${orgId}::uuid AND p.slug = s.project_slug
       -- In key order: the (org_id, external_id) index then fills its pages instead of splitting them in the
       -- middle (measured on 200,000 bench rows: 50 instead of 87 bytes per record, and no slower).
       ORDER BY s.external_id
       ON CONFLICT (org_id, external_id) DO UPDATE SET
         upload_id = EXCLUDED.upload_id, computed_at = EXCLUDED.computed_at,
         team_id = EXCLUDED.team_id, project_id = EXCLUDED.project_id,
         factor_set_id = EXCLUDED.factor_set_id, market_allocations = EXCLUDED.market_allocations,
         ${columnList((c) => `${c} = EXCLUDED.${c}`)}
       WHERE usage_record.content_hash IS DISTINCT FROM EXCLUDED.content_hash
       RETURNING (xmax = 0) AS inserted
     ) SELECT inserted, count(*)::text AS n FROM upserted GROUP BY inserted`,
  );
  const created = Number(result.find((r) => r.inserted)?.n ?? 0);
  const updated = Number(result.find((r) => !r.inserted)?.n ?? 0);
  let total = args.stagedRows;
  if (args.dedupe) {
    const counted = await queryRows<{ n: string }>(client, sql`SELECT count(*)::text AS n FROM ${source} s`);
    total = Number(counted[0]?.n ?? 0);
  }
  return { created, updated, unchanged: total - created - updated };
}
