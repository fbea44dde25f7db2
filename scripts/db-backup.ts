import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { backupDatabase, makePrivateDirectory } from './db/backup/backup-database';
import { openBackupTarget } from './db/backup/backup-target';
import { findCompatiblePgDump, runPgDump } from './db/backup/pg-dump-tool';

// npm run db:backup [-- --out <dir>] [--tool auto|builtin|pg_dump]
// Backs up DATABASE_URL (or the embedded database) into a directory: pg_dump's custom format when a pg_dump that
// can read this server is on PATH (auto), else the built-in logical archive (docs/RELIABILITY.md).
// Everything this command writes (pg_dump's file included) is owner-only: a backup holds emails and password hashes.
process.umask(0o077);
const { values } = parseArgs({
  options: { out: { type: 'string' }, tool: { type: 'string', default: 'auto' } },
});
const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, 'Z');
const outDir = path.resolve(values.out ?? path.join('backups', `ai-footprint-${stamp}`));
const target = await openBackupTarget();
try {
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  const major = Number((await client.query('SHOW server_version_num')).rows[0]?.server_version_num) / 10_000;
  await client.end();
  const pgDump = values.tool === 'builtin' ? null : await findCompatiblePgDump(Math.floor(major));
  if (values.tool === 'pg_dump' && !pgDump) {
    throw new Error(
      `no pg_dump on PATH can dump a PostgreSQL ${Math.floor(major)} server; use --tool builtin`,
    );
  }
  if (pgDump) {
    await makePrivateDirectory(outDir);
    await runPgDump(target.url, path.join(outDir, 'database.dump'));
    console.log(`pg_dump backup written to ${path.join(outDir, 'database.dump')}`);
  } else {
    const manifest = await backupDatabase(target.url, outDir);
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `Backup written to ${outDir}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.migrations.length} migrations (PostgreSQL ${manifest.serverVersion}).`,
    );
  }
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await target.close();
}
