import 'server-only';
import { LRUCache } from 'lru-cache';
import { getOrgResponseCacheMb } from '@/lib/env';

/**
 * Per-process cache of serialised JSON answers, keyed by (organisation, data version, normalised query) (issue
 * #20, read side). The version is org_data_version.version, bumped by triggers in every writer's transaction
 * (prisma/rollups/org_data_version.sql), so an entry is what the read returns at that version: a request that
 * reads version v after a write committed gets v+1, misses and recomputes; entries of older versions are never
 * served to it and age out of the LRU. Bodies are kept as JSON text (serialised once, sent as is) and the cache is
 * capped by their size (ORG_RESPONSE_CACHE_MB; UTF-16 code units × 2 bytes ≈ the JS heap they hold), not by a count. Concurrent misses of
 * one key share one load. Why lru-cache: docs/decisions/scale.md ADR 14.
 */

/** Larger answers are served but not kept (one answer must not evict the whole cache). */
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;

/** Organisations whose newest seen version is remembered (to leave older-version answers out of the cache). */
const MAX_TRACKED_ORGS = 10_000;

export interface TOrgVersion {
  orgId: string;
  /** org_data_version.version as a decimal string ("0" before the organisation's first write). */
  dataVersion: string;
}

const bytesOf = (body: string) => body.length * 2;

interface TCacheState {
  /** null when ORG_RESPONSE_CACHE_MB is 0: every call loads. */
  bodies: LRUCache<string, string> | null;
  newest: LRUCache<string, bigint>;
  inFlight: Map<string, Promise<string>>;
  stats: { hits: number; misses: number };
}

const globalForCache = globalThis as unknown as { aiFootprintOrgResponses?: TCacheState };

function state(): TCacheState {
  // The cap (ORG_RESPONSE_CACHE_MB, default 32 MiB; the largest summary answer is a few hundred kB) is read once.
  const maxBytes = (globalForCache.aiFootprintOrgResponses ? 0 : getOrgResponseCacheMb()) * 1024 * 1024;
  globalForCache.aiFootprintOrgResponses ??= {
    bodies:
      maxBytes > 0
        ? new LRUCache<string, string>({
            maxSize: maxBytes,
            maxEntrySize: Math.min(MAX_ENTRY_BYTES, maxBytes),
            sizeCalculation: bytesOf,
          })
        : null,
    newest: new LRUCache<string, bigint>({ max: MAX_TRACKED_ORGS }),
    inFlight: new Map(),
    stats: { hits: 0, misses: 0 },
  };
  return globalForCache.aiFootprintOrgResponses;
}

/**
 * The JSON text of `load()` for (organisation, version, key): from the cache when present, else loaded once (and
 * kept when `version` is the newest this process has seen for the organisation). `key` must name the route and
 * every input the answer depends on besides the organisation's data (normalised: equal queries, equal keys). A
 * failed load is not kept.
 */
export async function cachedOrgJson(
  ctx: TOrgVersion,
  key: string,
  load: () => Promise<unknown>,
): Promise<string> {
  const cache = state();
  if (!cache.bodies) {
    cache.stats.misses += 1;
    return JSON.stringify(await load());
  }
  const version = BigInt(ctx.dataVersion);
  const newest = cache.newest.get(ctx.orgId);
  if (newest !== undefined && version < newest) {
    // A write committed after this request read its version and another request already cached the newer
    // data: this one reads without caching, so superseded answers never take room.
    cache.stats.misses += 1;
    return JSON.stringify(await load());
  }
  if (newest === undefined || version > newest) {
    cache.newest.set(ctx.orgId, version);
  }
  const fullKey = `${ctx.orgId}\u0000${ctx.dataVersion}\u0000${key}`;
  const hit = cache.bodies.get(fullKey);
  if (hit !== undefined) {
    cache.stats.hits += 1;
    return hit;
  }
  const running = cache.inFlight.get(fullKey);
  if (running) {
    cache.stats.hits += 1;
    return running;
  }
  cache.stats.misses += 1;
  const promise = load().then((value) => JSON.stringify(value));
  cache.inFlight.set(fullKey, promise);
  try {
    const body = await promise;
    cache.bodies.set(fullKey, body);
    return body;
  } finally {
    cache.inFlight.delete(fullKey);
  }
}

/** Hits and misses since the process started (or the last clear), and the bytes held: tests and diagnostics. */
export function orgResponseCacheStats(): { hits: number; misses: number; bytes: number; entries: number } {
  const cache = state();
  return { ...cache.stats, bytes: cache.bodies?.calculatedSize ?? 0, entries: cache.bodies?.size ?? 0 };
}

/** Forgets every cached answer and re-reads the size cap on next use (tests). */
export function clearOrgResponseCache(): void {
  globalForCache.aiFootprintOrgResponses = undefined;
}
