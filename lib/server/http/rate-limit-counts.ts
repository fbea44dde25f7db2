import 'server-only';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { executeSql, queryRows, sql } from '@/lib/server/db/sql';
import { pgRunner } from '@/lib/server/db/sql-runner';

// Fixed-window counters shared by every server process (one Postgres row per bucket and window). Not
// organisation data: keys are token:<id>, user:<id>:<org>, org:<id> or ip:<address> (lib/server/http/rate-limit-policy.ts).
//
// Hits are counted in batches (issue #20): the hits that arrive while one counting statement is running wait and
// go together into the next one, which adds each bucket's number of hits in one upsert and returns the new totals;
// every hit then gets its own exact count (the total before the batch + its place in the batch, in arrival order).
// 50 concurrent requests of one token cost one or two statements instead of 50 upserts queued on the same two rows
// (each waiting for the previous one's commit: a lock convoy that grew with the machine's load). A lone request
// is counted at once, as before. Counts stay exact across processes: each batch's addition is one atomic upsert.

interface TWaiter {
  keys: string[];
  windowStart: Date;
  resolve: (counts: Map<string, number>) => void;
  reject: (error: unknown) => void;
}

interface TBatcher {
  pending: TWaiter[];
  /** A counting statement is running (the next batch waits for it) or is about to start. */
  busy: boolean;
}

const batcher: TBatcher = { pending: [], busy: false };

const bucketId = (key: string, windowStart: Date) => `${windowStart.getTime()}\u0000${key}`;

async function countBatch(batch: TWaiter[]): Promise<void> {
  // Hits per (bucket, window) in this batch.
  const hits = new Map<string, { key: string; windowStart: Date; hits: number }>();
  for (const waiter of batch) {
    for (const key of new Set(waiter.keys)) {
      const id = bucketId(key, waiter.windowStart);
      const entry = hits.get(id) ?? { key, windowStart: waiter.windowStart, hits: 0 };
      entry.hits += 1;
      hits.set(id, entry);
    }
  }
  const buckets = [...hits.values()];
  const db = pgRunner(getPgPool());
  // Rows in key order: concurrent processes lock the same rows in the same order (no deadlock).
  const rows = await queryRows<{ bucket_key: string; window_start: Date; count: number }>(
    db,
    sql`INSERT INTO api_rate_limit AS r (bucket_key, window_start, count)
        SELECT k, w, n FROM unnest(${buckets.map((b) => b.key)}::text[], ${buckets.map((b) => b.windowStart)}::timestamptz[],
                                   ${buckets.map((b) => b.hits)}::int[]) AS u(k, w, n)
         ORDER BY k, w
        ON CONFLICT (bucket_key, window_start) DO UPDATE SET count = r.count + EXCLUDED.count
        RETURNING bucket_key, window_start, count`,
  );
  // The count each bucket had before this batch; the batch's hits take the next numbers in arrival order.
  const before = new Map<string, number>();
  for (const row of rows) {
    const id = bucketId(row.bucket_key, row.window_start);
    before.set(id, Number(row.count) - (hits.get(id)?.hits ?? 0));
  }
  const results = batch.map((waiter) => {
    const counts = new Map<string, number>();
    for (const key of new Set(waiter.keys)) {
      const id = bucketId(key, waiter.windowStart);
      const count = (before.get(id) ?? 0) + 1;
      before.set(id, count);
      counts.set(key, count);
    }
    return counts;
  });
  // The first hit of a window prunes windows that ended: the table stays at about one row per active bucket.
  const opened = batch.filter((_, i) => [...(results[i]?.values() ?? [])].some((c) => c === 1));
  if (opened.length > 0) {
    const newest = new Date(Math.max(...opened.map((w) => w.windowStart.getTime())));
    await executeSql(db, sql`DELETE FROM api_rate_limit WHERE window_start < ${newest}::timestamptz`);
  }
  batch.forEach((waiter, i) => {
    waiter.resolve(results[i] ?? new Map());
  });
}

function startNextBatch(): void {
  if (batcher.busy || batcher.pending.length === 0) {
    return;
  }
  batcher.busy = true;
  // After the current macrotask's synchronous work: requests that arrive together share the first statement.
  queueMicrotask(() => {
    const batch = batcher.pending;
    batcher.pending = [];
    countBatch(batch)
      .catch((error: unknown) => {
        for (const waiter of batch) {
          waiter.reject(error);
        }
      })
      .finally(() => {
        batcher.busy = false;
        startNextBatch();
      });
  });
}

/**
 * Counts one request in each bucket of the window and returns the counts including it (exact, atomic across
 * processes: see above). Rejects with the database's error when the count cannot be stored.
 */
export function hitRateLimitBuckets(keys: string[], windowStart: Date): Promise<Map<string, number>> {
  if (keys.length === 0) {
    return Promise.resolve(new Map());
  }
  return new Promise((resolve, reject) => {
    batcher.pending.push({ keys, windowStart, resolve, reject });
    startNextBatch();
  });
}
