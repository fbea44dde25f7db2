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
    const pool = new pg.Pool({ connectionString: url, max: 5 });
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
