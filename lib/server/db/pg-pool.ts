import 'server-only';
import pg from 'pg';
import { UPLOAD_SLOTS } from '../usage/uploads/upload-gate';

/** application_name of the pool's sessions: pg_stat_activity tells the app's connections from psql, backups… */
export const APP_DATABASE_NAME = 'ai-footprint';

/** Dashboard reads running at once per process (lib/server/db/prisma.ts withDashboardReads); each holds one connection. */
export const DASHBOARD_READ_SLOTS = 4;

/**
 * Connections of the one pool, by who holds them (issue #18, docs/DECISIONS.md "One database stack"):
 * - uploads: 2 each (data transaction + progress side), at most UPLOAD_SLOTS = 2 at once → 4 (lib/server/usage/uploads/upload-gate.ts);
 * - dashboard reads: one transaction each, at most DASHBOARD_READ_SLOTS = 4 at once → 4;
 * - everything else (sign-in, pages, API, Prisma transactions, progress polling): 4.
 * 12 in all. Holders that may wait for a further connection while holding one (an upload taking its second, a
 * dashboard read of the organisation row, a failed upload marking itself interrupted on a third) hold, by their
 * gates, at most 2 × 2 + 4 = 8 < 12 while they wait, so at least 4 connections always serve holders that need
 * only one, which finish and free theirs: no deadlock. More connections would not make a 2-core Postgres faster;
 * waiting requests queue in the pool instead (before: 10 Prisma + 8 pg + 4 dashboard connections per process).
 */
export const PG_POOL_MAX = UPLOAD_SLOTS * 2 + DASHBOARD_READ_SLOTS + 4;

const globalForPg = globalThis as unknown as { aiFootprintPgPool?: pg.Pool; aiFootprintPgPoolUrl?: string };

/**
 * THE pg pool on DATABASE_URL: Prisma's driver adapter runs on it (lib/server/db/prisma.ts) and so does what Prisma cannot do,
 * COPY streams and long set-based transactions (uploads). Cached on globalThis like the Prisma client; re-created
 * if DATABASE_URL changes (tests).
 */
export function getPgPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which set it.',
    );
  }
  if (!globalForPg.aiFootprintPgPool || globalForPg.aiFootprintPgPoolUrl !== url) {
    const pool = new pg.Pool({
      connectionString: url,
      max: PG_POOL_MAX,
      application_name: APP_DATABASE_NAME,
      // temp_buffers (session memory for temporary tables, default 8 MB) is raised so an upload's staging tables
      // stay in memory instead of spilling to disk on every batch. It can only be set before a session's first
      // temporary table, and any pooled session may serve an upload, so it is set on every session at connect:
      // it is a cap, memory is taken only as temp tables grow, and only uploads and storeUsageRecords create any.
      options: '-c temp_buffers=128MB',
      // Scripts (seed, CLI) exit once their work is done without ending the pool; the server stays up anyway.
      allowExitOnIdle: true,
    });
    // An idle client whose server went away (restart, failover) emits 'error' on the pool; without a listener
    // that would crash the process. The pool drops the client and the next query connects afresh.
    pool.on('error', (error) => console.warn(`pg pool: idle connection lost (${error.message})`));
    // The same for a checked-out client (e.g. mid-COPY): its query rejects, and the event must not be fatal.
    pool.on('connect', (client) => {
      client.on('error', (error) => console.warn(`pg pool: connection lost (${error.message})`));
    });
    globalForPg.aiFootprintPgPool = pool;
    globalForPg.aiFootprintPgPoolUrl = url;
  }
  return globalForPg.aiFootprintPgPool;
}
