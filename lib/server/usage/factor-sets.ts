import 'server-only';
import type { FactorRef } from '@/lib/emissions/footprint-types';
import { executeSql, queryRows, rawSql, sql, type TSqlDb } from '../db/sql';
import { STAGING_REFS_TABLE } from './staging-rows';

/**
 * Provenance stored once per distinct set (issue #20): `factor_set` rows of one organisation, keyed by
 * `factor_set_hash(factors, methodology_version, assumption_flags)` (SHA-256 of the canonical jsonb text, defined in
 * prisma/migrations/20261207001500_factor_set_storage). Records reference them by `factor_set_id`.
 */
export interface TFactorSet {
  factors: FactorRef[];
  methodologyVersion: string;
  assumptionFlags: string[];
}

const STAGING_REFS = rawSql(STAGING_REFS_TABLE);

/**
 * Stores the staged provenance of an upload or API batch as factor sets: new sets are inserted in one statement
 * (ON CONFLICT DO NOTHING: a set the organisation already has is reused), then each refs row gets its set id.
 */
export async function storeStagedFactorSets(db: TSqlDb, orgId: string): Promise<void> {
  await executeSql(
    db,
    sql`UPDATE ${STAGING_REFS} SET hash = factor_set_hash(factors, methodology_version, assumption_flags)`,
  );
  await executeSql(
    db,
    sql`INSERT INTO factor_set (org_id, hash, factors, methodology_version, assumption_flags)
     SELECT DISTINCT ON (hash) ${orgId}::uuid, hash, factors, methodology_version, assumption_flags
       FROM ${STAGING_REFS} ORDER BY hash
     ON CONFLICT (org_id, hash) DO NOTHING`,
  );
  await executeSql(
    db,
    sql`UPDATE ${STAGING_REFS} r SET factor_set_id = s.id
      FROM factor_set s WHERE s.org_id = ${orgId}::uuid AND s.hash = r.hash`,
  );
}

/** The set ids of `sets` (same order), inserting the ones the organisation does not have yet. One statement. */
export async function storeFactorSets(
  db: TSqlDb,
  orgId: string,
  sets: readonly TFactorSet[],
): Promise<string[]> {
  if (sets.length === 0) {
    return [];
  }
  const rows = await queryRows<{ ord: string; id: string }>(
    db,
    sql`WITH input AS (
       SELECT u.ord, u.f::jsonb AS factors, u.mv AS methodology_version,
              ARRAY(SELECT jsonb_array_elements_text(u.fl::jsonb)) AS assumption_flags
         FROM unnest(${sets.map((s) => JSON.stringify(s.factors))}::text[], ${sets.map((s) => s.methodologyVersion)}::text[],
                     ${sets.map((s) => JSON.stringify(s.assumptionFlags))}::text[]) WITH ORDINALITY AS u(f, mv, fl, ord)),
     hashed AS (SELECT i.*, factor_set_hash(i.factors, i.methodology_version, i.assumption_flags) AS hash FROM input i),
     inserted AS (
       INSERT INTO factor_set (org_id, hash, factors, methodology_version, assumption_flags)
       SELECT DISTINCT ON (hash) ${orgId}::uuid, hash, factors, methodology_version, assumption_flags
         FROM hashed ORDER BY hash
       ON CONFLICT (org_id, hash) DO NOTHING
       RETURNING id, hash)
     SELECT h.ord::text AS ord, COALESCE(i.id, s.id)::text AS id
       FROM hashed h
       LEFT JOIN inserted i ON i.hash = h.hash
       LEFT JOIN factor_set s ON s.org_id = ${orgId}::uuid AND s.hash = h.hash
      ORDER BY h.ord`,
  );
  return rows.map((r) => r.id);
}

/** The organisation's sets with these ids, by id (text of the bigint). */
export async function readFactorSets(
  db: TSqlDb,
  orgId: string,
  ids: readonly (bigint | string)[],
): Promise<Map<string, TFactorSet>> {
  const distinct = [...new Set(ids.map(String))];
  if (distinct.length === 0) {
    return new Map();
  }
  const rows = await queryRows<{
    id: string;
    factors: unknown;
    methodologyVersion: string;
    assumptionFlags: string[] | null;
  }>(
    db,
    sql`SELECT id::text AS id, factors, methodology_version AS "methodologyVersion", assumption_flags AS "assumptionFlags"
       FROM factor_set WHERE org_id = ${orgId}::uuid AND id = ANY (${distinct}::bigint[])`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        factors: Array.isArray(r.factors) ? (r.factors as FactorRef[]) : [],
        methodologyVersion: r.methodologyVersion,
        assumptionFlags: r.assumptionFlags ?? [],
      },
    ]),
  );
}
