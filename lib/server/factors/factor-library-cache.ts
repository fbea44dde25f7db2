import 'server-only';
import type { FactorLibrary } from '@/lib/emissions/factor-library-types';
import { queryRows, sql } from '../db/sql';
import { pgRunner } from '../db/sql-runner';
import { getFactorLibrary } from './factor-library';

// The bundled library holds ~100k grid factors: loading it takes seconds, so it is cached per process and per
// organisation, keyed by a fingerprint of the factor tables and name aliases (row counts and newest created_at of the bundled rows
// and of the organisation's overrides). Any load, override or deletion changes the fingerprint.
const cache = new Map<string, { fingerprint: string; library: FactorLibrary }>();

async function fingerprint(orgId: string): Promise<string> {
  // Plain pg: the upload path uses the cache, and an ingest process must not load Prisma.
  const [row] = await queryRows<{ fp: string }>(
    pgRunner(),
    sql`SELECT concat_ws('|',
      (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM emission_factor WHERE org_id IS NULL OR org_id = ${orgId}::uuid),
      (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM accelerator WHERE org_id IS NULL OR org_id = ${orgId}::uuid),
      (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM location WHERE org_id IS NULL OR org_id = ${orgId}::uuid),
      (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM water_factor WHERE org_id IS NULL OR org_id = ${orgId}::uuid),
      (SELECT count(*)::text FROM provider_default),
      (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM name_alias WHERE org_id = ${orgId}::uuid)
    ) AS fp`,
  );
  return row?.fp ?? '';
}

/** getFactorLibrary(ctx), reused while the organisation's factor tables are unchanged. */
export async function getCachedFactorLibrary(ctx: { orgId: string }): Promise<FactorLibrary> {
  const fp = await fingerprint(ctx.orgId);
  const hit = cache.get(ctx.orgId);
  if (hit && hit.fingerprint === fp) {
    return hit.library;
  }
  const library = await getFactorLibrary(ctx);
  cache.set(ctx.orgId, { fingerprint: fp, library });
  return library;
}
