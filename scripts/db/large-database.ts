import type { EmbeddedDatabase } from './embedded-postgres';
import { resolveDatabase } from './resolve-database';

/** Name of the large-organisation database (separate from the demo database on the same server). */
export const LARGE_DATABASE = process.env.LARGE_DATABASE ?? 'aifootprint_large';

export interface LargeDatabase {
  /** URL of the large database. */
  url: string;
  /** URL of the server's `postgres` database (to drop/create the large one). */
  adminUrl: string;
  stop: EmbeddedDatabase['stop'];
}

/**
 * The large database on DATABASE_URL's server (same credentials, database LARGE_DATABASE), or on the embedded
 * Postgres (.data/postgres, EMBEDDED_PG_PORT) when DATABASE_URL is unset. The embedded server is started here.
 */
export async function resolveLargeDatabase(log: (message: string) => void): Promise<LargeDatabase> {
  const db = await resolveDatabase(log);
  const withDb = (name: string) => {
    const url = new URL(db.url);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return { url: withDb(LARGE_DATABASE), adminUrl: withDb('postgres'), stop: db.stop };
}

/** `--name value` from argv, or the fallback. */
export function argValue(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? String(process.argv[i + 1]) : fallback;
}
