import { embeddedUrl, isPortInUse } from '../embedded-postgres';
import { DEFAULT_EMBEDDED_PORT, resolveDatabase } from '../resolve-database';

/**
 * The database to back up or restore: DATABASE_URL, else the embedded server — the running one when
 * `npm run dev`/`npm start` holds its port, otherwise started for the duration of the command.
 */
export async function openBackupTarget(): Promise<{ url: string; close: () => Promise<void> }> {
  const port = Number(process.env.EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PORT);
  if (!process.env.DATABASE_URL && (await isPortInUse(port))) {
    return { url: embeddedUrl(port, 'ai_footprint'), close: async () => {} };
  }
  const db = await resolveDatabase((message) => console.log(message));
  return { url: db.url, close: db.stop };
}

/** `url` with its database name replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}
