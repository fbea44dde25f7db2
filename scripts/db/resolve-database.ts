import { dataPath } from './data-root';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

export const DEFAULT_EMBEDDED_PORT = 54329;
export const DEFAULT_EMBEDDED_DIR = dataPath('postgres');

/**
 * The database the scripts use: DATABASE_URL when set (nothing is started), otherwise the embedded Postgres in
 * EMBEDDED_PG_DIR (default .data/postgres) on EMBEDDED_PG_PORT (default 54329).
 */
export async function resolveDatabase(log: (message: string) => void): Promise<EmbeddedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return { url: external, stop: async () => {} };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  const dataDir = process.env.EMBEDDED_PG_DIR ?? DEFAULT_EMBEDDED_DIR;
  log(`DATABASE_URL is not set: starting the embedded Postgres (${dataDir}, port ${port})`);
  return startEmbeddedPostgres({ dataDir, port, database: 'ai_footprint' });
}
