import type pg from 'pg';

/** A factor_set row's content (issue #20), as tests that write records with raw SQL build it. */
export interface TTestFactorSet {
  factors: { id?: string; value?: number; [key: string]: unknown }[];
  methodologyVersion: string;
  assumptionFlags: string[];
}

/** The id of the organisation's set with this content, inserted when missing (same key as the app: factor_set_hash). */
export async function storeTestFactorSet(
  client: pg.ClientBase,
  orgId: string,
  set: TTestFactorSet,
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO factor_set (org_id, hash, factors, methodology_version, assumption_flags)
     VALUES ($1, factor_set_hash($2::jsonb, $3, $4::text[]), $2::jsonb, $3, $4::text[])
     ON CONFLICT (org_id, hash) DO UPDATE SET hash = EXCLUDED.hash
     RETURNING id::text AS id`,
    [orgId, JSON.stringify(set.factors), set.methodologyVersion, set.assumptionFlags],
  );
  return rows[0]?.id as string;
}

/** The set a stored record points at. */
export async function readRecordFactorSet(
  client: pg.ClientBase,
  orgId: string,
  externalId: string,
): Promise<TTestFactorSet> {
  const { rows } = await client.query<TTestFactorSet>(
    `SELECT fs.factors, fs.methodology_version AS "methodologyVersion", COALESCE(fs.assumption_flags, '{}') AS "assumptionFlags"
       FROM usage_record r JOIN factor_set fs ON fs.id = r.factor_set_id
      WHERE r.org_id = $1 AND r.external_id = $2`,
    [orgId, externalId],
  );
  const set = rows[0];
  if (!set) {
    throw new Error(`no record ${externalId}`);
  }
  return set;
}

/** `set` with its first factor's value replaced (a factor document differing only in one value). */
export function withFirstFactorValue(set: TTestFactorSet, value: number): TTestFactorSet {
  const [first, ...rest] = set.factors;
  return { ...set, factors: [{ ...first, value }, ...rest] };
}
