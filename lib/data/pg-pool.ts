import 'server-only';
import pg from 'pg';

const globalForPg = globalThis as unknown as { aiFootprintPgPool?: pg.Pool; aiFootprintPgPoolUrl?: string };

/**
 * A plain pg pool on DATABASE_URL, for what Prisma cannot do: COPY streams and long set-based transactions
 * (uploads). Cached on globalThis like the Prisma client; re-created if DATABASE_URL changes (tests).
 */
export function getPgPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which set it.',
    );
  }
  if (!globalForPg.aiFootprintPgPool || globalForPg.aiFootprintPgPoolUrl !== url) {
    // temp_buffers (session memory for temporary tables, default 8 MB) is raised so an upload's staging tables
    // stay in memory instead of spilling to disk on every batch; it can only be set before a session's first
    // temporary table, hence at connect time. Memory is taken only as temp tables grow.
    // max 8: uploads hold at most 2 × UPLOAD_SLOTS = 4 (lib/data/upload-gate.ts), the rest serve everything else.
    const pool = new pg.Pool({ connectionString: url, max: 8, options: '-c temp_buffers=128MB' });
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
