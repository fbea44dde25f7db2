import 'server-only';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { executeSql, queryRows, sql } from '@/lib/server/db/sql';
import { pgRunner } from '@/lib/server/db/sql-runner';

// Fixed-window counters shared by every server process (one Postgres row per bucket and window). Not
// organisation data: keys are token:<id>, user:<id>:<org>, org:<id> or ip:<address> (lib/server/http/rate-limit-policy.ts).

/**
 * Counts one request in each bucket of the window and returns the counts including it: one statement,
 * atomic per row (INSERT … ON CONFLICT DO UPDATE), so concurrent processes never lose a hit.
 */
export async function hitRateLimitBuckets(keys: string[], windowStart: Date): Promise<Map<string, number>> {
  if (keys.length === 0) {
    return new Map();
  }
  const db = pgRunner(getPgPool());
  const rows = await queryRows<{ bucket_key: string; count: number }>(
    db,
    sql`INSERT INTO api_rate_limit (bucket_key, window_start, count)
        SELECT k, ${windowStart}::timestamptz, 1 FROM unnest(${keys}::text[]) AS k
        ON CONFLICT (bucket_key, window_start) DO UPDATE SET count = api_rate_limit.count + 1
        RETURNING bucket_key, count`,
  );
  const counts = new Map(rows.map((r) => [r.bucket_key, Number(r.count)]));
  // The first hit of a window prunes windows that ended: the table stays at about one row per active bucket.
  if ([...counts.values()].some((c) => c === 1)) {
    await executeSql(db, sql`DELETE FROM api_rate_limit WHERE window_start < ${windowStart}::timestamptz`);
  }
  return counts;
}
