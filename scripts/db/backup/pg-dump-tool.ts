import { execFile } from 'node:child_process';
import { chmod } from 'node:fs/promises';
import { promisify } from 'node:util';
import { BACKUP_FILE_MODE, SECRET_TABLES } from './archive-format';

const run = promisify(execFile);

/**
 * pg_dump on PATH if its major version can dump `serverMajor` (pg_dump refuses newer servers), else null.
 * The embedded Postgres 18 ships no client tools and Debian 12 has pg_dump 15, so here this is usually null
 * and the built-in archive is used; against an older external server a system pg_dump is preferred.
 */
export async function findCompatiblePgDump(serverMajor: number): Promise<string | null> {
  try {
    const { stdout } = await run('pg_dump', ['--version']);
    const major = Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1]);
    return Number.isFinite(major) && major >= serverMajor ? 'pg_dump' : null;
  } catch {
    return null;
  }
}

/**
 * `pg_dump --format=custom` of `databaseUrl` into `file`, without the data of the secret tables (their schema stays,
 * so they restore empty); the file is made owner-only.
 */
export async function runPgDump(databaseUrl: string, file: string): Promise<void> {
  const excluded = SECRET_TABLES.map((t) => `--exclude-table-data=public.${t}`);
  await run('pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    ...excluded,
    `--file=${file}`,
    databaseUrl,
  ]);
  await chmod(file, BACKUP_FILE_MODE);
}

/** `pg_restore` of a custom-format dump into an empty `databaseUrl`, in one transaction. */
export async function runPgRestore(databaseUrl: string, file: string): Promise<void> {
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    `--dbname=${databaseUrl}`,
    file,
  ]);
}
