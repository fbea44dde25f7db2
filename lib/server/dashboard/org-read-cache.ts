import 'server-only';
import { getPrisma, withDashboardReads } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';

/**
 * In-process cache of an organisation's dashboard reads, keyed by (orgId, data version, read key). The version is
 * org_data_version.version, bumped by triggers in every writer's transaction (migration
 * 20261206185218_org_data_version), so a cached value is exactly what the read would return at that version: a
 * view that reads version v after a write committed gets v+1 and recomputes. Concurrent identical reads share one
 * promise (50 users opening the overview together cost one set of queries). Values are shared between requests:
 * callers must not mutate them.
 */

export interface TVersionedOrg {
  orgId: string;
  /** org_data_version.version as a decimal string ("0" before the organisation's first write). */
  dataVersion: string;
}

/** Organisations kept (least recently used dropped first) and reads kept per organisation and version. */
const MAX_ORGS = 200;
const MAX_READS_PER_ORG = 300;

interface TOrgEntry {
  version: bigint;
  reads: Map<string, Promise<unknown>>;
}

const globalForCache = globalThis as unknown as { aiFootprintOrgReads?: Map<string, TOrgEntry> };
function orgs(): Map<string, TOrgEntry> {
  globalForCache.aiFootprintOrgReads ??= new Map();
  return globalForCache.aiFootprintOrgReads;
}

/** The organisation's current data version (one primary-key lookup). */
export async function getOrgDataVersion(ctx: { orgId: string }): Promise<string> {
  const [row] = await queryRows<{ version: bigint }>(
    getPrisma(),
    sql`
    SELECT version FROM org_data_version WHERE org_id = ${ctx.orgId}::uuid`,
  );
  return String(row?.version ?? 0n);
}

/** Thrown instead of starting a read for a request whose client has gone. */
export class RequestAbandonedError extends Error {
  constructor() {
    super('The client closed the request before the dashboard read started; the read was not run.');
    this.name = 'RequestAbandonedError';
  }
}

/**
 * `load()` once per (org, version, key): later calls with the same version get the same result without touching
 * the database. The load runs on the dashboard-read client (statement_timeout, bounded pool). When `signal` is
 * already aborted (the client went away) nothing is started and RequestAbandonedError is thrown. A failed load is
 * not kept.
 */
export function cachedOrgRead<T>(
  ctx: TVersionedOrg,
  key: string,
  load: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  if (signal?.aborted) {
    return Promise.reject(new RequestAbandonedError());
  }
  const version = BigInt(ctx.dataVersion);
  const all = orgs();
  let entry = all.get(ctx.orgId);
  if (entry && entry.version > version) {
    // This request read an older version than another one already cached (a write committed in between): its
    // figures are older than what is cached, so it reads without caching.
    return withDashboardReads(load);
  }
  if (!entry || entry.version < version) {
    entry = { version, reads: new Map() };
  }
  // Re-insert: the Map's order is the recency order for eviction.
  all.delete(ctx.orgId);
  all.set(ctx.orgId, entry);
  if (all.size > MAX_ORGS) {
    const oldest = all.keys().next().value;
    if (oldest !== undefined) {
      all.delete(oldest);
    }
  }
  const hit = entry.reads.get(key);
  if (hit) {
    entry.reads.delete(key);
    entry.reads.set(key, hit);
    return hit as Promise<T>;
  }
  const promise = withDashboardReads(load);
  entry.reads.set(key, promise);
  if (entry.reads.size > MAX_READS_PER_ORG) {
    const oldest = entry.reads.keys().next().value;
    if (oldest !== undefined) {
      entry.reads.delete(oldest);
    }
  }
  const kept = entry;
  promise.catch(() => {
    if (kept.reads.get(key) === promise) {
      kept.reads.delete(key);
    }
  });
  return promise;
}

/** Forgets every cached read (tests). */
export function clearOrgReadCache(): void {
  orgs().clear();
}
