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
    // An idle client losing its connection (database restart or shutdown) must not crash the process; the pool
    // drops that client and the next query opens a new connection.
    pool.on('error', (error) => console.error('pg pool: idle client error:', error.message));
    globalForPg.aiFootprintPgPool = pool;
    globalForPg.aiFootprintPgPoolUrl = url;
  }
  return globalForPg.aiFootprintPgPool;
}
