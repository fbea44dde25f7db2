import { createWriteStream } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  BACKUP_DIR_MODE,
  BACKUP_FILE_MODE,
  MANIFEST_FILE,
  NOT_BACKED_UP,
  quoteIdent,
  sha256OfFile,
  type TArchiveManifest,
  type TArchiveTable,
} from './archive-format';

/**
 * Writes a consistent logical backup of `databaseUrl` into `outDir` (created; must not hold a manifest yet).
 * All tables are read in one REPEATABLE READ, READ ONLY transaction, so the archive is one point in time even
 * while uploads run. Returns the manifest.
 */
export async function backupDatabase(databaseUrl: string, outDir: string): Promise<TArchiveManifest> {
  await makePrivateDirectory(outDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Its own BEGIN (a REPEATABLE READ READ ONLY snapshot of every table) on its own connection: a command-line
    // tool for any database URL, outside the app's pool and its withTransaction.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const server = await client.query<{ server_version: string; db: string }>(
      'SELECT current_setting($1) AS server_version, current_database() AS db',
      ['server_version'],
    );
    const migrations = await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const tableNames = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const tables: TArchiveTable[] = [];
    for (const { name } of tableNames.rows) {
      if (NOT_BACKED_UP.has(name)) {
        continue;
      }
      const columns = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [name],
      );
      const columnNames = columns.rows.map((c) => c.column_name);
      const file = `${name}.copy.gz`;
      const target = path.join(outDir, file);
      const copy = client.query(
        copyTo(`COPY public.${quoteIdent(name)} (${columnNames.map(quoteIdent).join(', ')}) TO STDOUT`),
      );
      await pipeline(copy, createGzip(), createWriteStream(target, { mode: BACKUP_FILE_MODE }));
      await chmod(target, BACKUP_FILE_MODE);
      tables.push({
        name,
        file,
        columns: columnNames,
        rows: copy.rowCount ?? 0,
        sha256: await sha256OfFile(target),
      });
    }
    await client.query('COMMIT');
    const manifest: TArchiveManifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion: server.rows[0]?.server_version ?? 'unknown',
      database: server.rows[0]?.db ?? 'unknown',
      migrations: migrations.rows,
      tables,
    };
    await writeFile(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, {
      flag: 'wx',
      mode: BACKUP_FILE_MODE,
    });
    return manifest;
  } finally {
    await client.end();
  }
}

/** Creates `dir` (and missing parents) readable by the owner only; an existing `dir` is narrowed to 0700 too. */
export async function makePrivateDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: BACKUP_DIR_MODE });
  await chmod(dir, BACKUP_DIR_MODE);
}
