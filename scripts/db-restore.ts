import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackupTarget, withDatabase } from './db/backup/backup-target';
import { runPgRestore } from './db/backup/pg-dump-tool';
import { restoreDatabase } from './db/backup/restore-database';
import { createDatabaseIfMissing } from './db/embedded-postgres';

// npm run db:restore -- <backup dir> [--database <name>] [--replace]
// Restores a backup made by db:backup into DATABASE_URL (or the embedded database), or into a new database
// <name> on the same server. Refuses a database that already holds data unless --replace.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { database: { type: 'string' }, replace: { type: 'boolean', default: false } },
});
const dir = positionals[0];
if (!dir) {
  console.error('Usage: npm run db:restore -- <backup dir> [--database <name>] [--replace]');
  process.exit(2);
}
const target = await openBackupTarget();
try {
  let url = target.url;
  if (values.database) {
    await createDatabaseIfMissing(withDatabase(target.url, 'postgres'), values.database);
    url = withDatabase(target.url, values.database);
  }
  const dump = path.join(dir, 'database.dump');
  if (existsSync(dump)) {
    await runPgRestore(url, dump);
    console.log(`pg_restore of ${dump} done.`);
  } else {
    const result = await restoreDatabase(url, path.resolve(dir), { replace: values.replace });
    console.log(
      `Restored ${result.tables} tables, ${result.rows} rows into ${new URL(url).pathname.slice(1)}.`,
    );
  }
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await target.close();
}
