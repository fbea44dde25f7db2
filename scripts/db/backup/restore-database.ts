import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migrateDatabase, readMigrations } from '../migrate';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  MANIFEST_FILE,
  quoteIdent,
  SECRET_TABLES,
  sha256OfFile,
  type TArchiveManifest,
} from './archive-format';

/** Reads and checks an archive: format, version and every table file's SHA-256. Throws on any mismatch. */
export async function verifyArchive(dir: string): Promise<TArchiveManifest> {
  const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as TArchiveManifest;
  if (manifest.format !== ARCHIVE_FORMAT || manifest.version !== ARCHIVE_VERSION) {
    throw new Error(`${dir} is not an ${ARCHIVE_FORMAT} v${ARCHIVE_VERSION} archive`);
  }
  for (const table of manifest.tables) {
    const actual = await sha256OfFile(path.join(dir, table.file));
    if (actual !== table.sha256) {
      throw new Error(
        `checksum mismatch for ${table.file}: the archive is damaged (expected ${table.sha256})`,
      );
    }
  }
  const known = new Map((await readMigrations()).map((m) => [m.name, m.checksum]));
  const unknown = manifest.migrations.filter((m) => known.get(m.name) !== m.checksum);
  if (unknown.length > 0) {
    throw new Error(
      `the backup was taken with migrations this code does not have (${unknown.map((m) => m.name).join(', ')}); restore it with the matching version of the app`,
    );
  }
  return manifest;
}

/** Tables in an order where every foreign key points to a table already loaded. */
async function loadOrder(client: pg.Client, names: string[]): Promise<string[]> {
  const fks = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public' AND c.conrelid <> c.confrelid`,
  );
  const unquote = (t: string) => t.replace(/^"|"$/g, '');
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const fk of fks.rows) {
    parents.get(unquote(fk.child))?.add(unquote(fk.parent));
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < names.length) {
    const ready = names.filter(
      (n) => !placed.has(n) && [...(parents.get(n) ?? [])].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (ready.length === 0) {
      throw new Error('foreign keys form a cycle; cannot order the restore');
    }
    for (const n of ready) {
      placed.add(n);
      order.push(n);
    }
  }
  return order;
}

/**
 * Restores an archive into `databaseUrl`: verifies it, applies the migrations, refuses a database that already
 * holds data (unless `replace`, which empties every table first), loads every table with COPY in one
 * transaction, moves sequences past the restored values and checks the row counts. All or nothing.
 */
export async function restoreDatabase(
  databaseUrl: string,
  dir: string,
  options: { replace?: boolean } = {},
): Promise<{ tables: number; rows: number }> {
  const manifest = await verifyArchive(dir);
  await migrateDatabase(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Its own BEGIN/COMMIT on its own connection, not lib/server's withTransaction on the app pool: restore is a
    // command-line tool that may target any database URL, not the app's DATABASE_URL.
    await client.query('BEGIN');
    const names = manifest.tables.map((t) => t.name);
    const nonEmpty: string[] = [];
    for (const name of names) {
      const found = await client.query(`SELECT 1 FROM public.${quoteIdent(name)} LIMIT 1`);
      if ((found.rowCount ?? 0) > 0) {
        nonEmpty.push(name);
      }
    }
    if (nonEmpty.length > 0 && !options.replace) {
      throw new Error(
        `the target database already holds data (${nonEmpty.slice(0, 5).join(', ')}${nonEmpty.length > 5 ? ', …' : ''}); restore into an empty database or pass --replace`,
      );
    }
    if (nonEmpty.length > 0) {
      // The tables a backup leaves out (sessions, webhook secret) are emptied too: a restored database makes
      // everyone sign in again, and no session or secret of the replaced data survives.
      const emptied = [...names, ...SECRET_TABLES];
      await client.query(`TRUNCATE ${emptied.map((n) => `public.${quoteIdent(n)}`).join(', ')} CASCADE`);
    }
    // The archive already holds the derived tables (rollups, run bounds) as they were: user triggers (which
    // maintain them from usage_record) are off while loading, or COPY would count every record twice or collide
    // with rows the trigger created. Foreign keys (system triggers) stay checked. Transactional DDL: a failed
    // restore rolls this back too.
    for (const name of names) {
      await client.query(`ALTER TABLE public.${quoteIdent(name)} DISABLE TRIGGER USER`);
    }
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    let rows = 0;
    for (const name of await loadOrder(client, names)) {
      const table = byName.get(name);
      if (!table) {
        continue;
      }
      const columns = table.columns.map(quoteIdent).join(', ');
      const copy = client.query(copyFrom(`COPY public.${quoteIdent(name)} (${columns}) FROM STDIN`));
      await pipeline(createReadStream(path.join(dir, table.file)), createGunzip(), copy);
      const count = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.${quoteIdent(name)}`);
      if (Number(count.rows[0]?.n) !== table.rows) {
        throw new Error(`${name}: restored ${count.rows[0]?.n} rows, the manifest says ${table.rows}`);
      }
      rows += table.rows;
    }
    for (const name of names) {
      await client.query(`ALTER TABLE public.${quoteIdent(name)} ENABLE TRIGGER USER`);
    }
    await resetSequences(client);
    // User triggers were off during the load, so the rollup rows are restored as backed up; they are then rebuilt
    // from the restored records anyway (daily → monthly through its triggers, run bounds, quality facts), so a
    // restore also repairs a backup taken from drifted rollups (docs/decisions/scale.md).
    await client.query(
      'SELECT usage_rollup_rebuild(id), usage_run_bound_rebuild(id), usage_quality_rebuild(id) FROM organization',
    );
    await client.query('COMMIT');
    return { tables: manifest.tables.length, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Moves every column-owned sequence past the largest restored value (serial/identity columns). */
async function resetSequences(client: pg.Client): Promise<void> {
  const owned = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.oid::regclass::text AS seq, t.oid::regclass::text AS tbl, a.attname AS col
     FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
     JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const { seq, tbl, col } of owned.rows) {
    await client.query(
      `SELECT setval($1::regclass, COALESCE((SELECT max(${quoteIdent(col)}) FROM ${tbl}), 0) + 1, false)`,
      [seq],
    );
  }
}
