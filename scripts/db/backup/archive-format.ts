import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * The built-in logical backup (docs/decisions/reliability.md, "Backups"): a directory with manifest.json and
 * one gzip'd `COPY … TO STDOUT` text file per table, taken in one REPEATABLE READ snapshot. The schema is not
 * in the archive: it is the migrations named in the manifest, which restore applies first.
 */
export const ARCHIVE_FORMAT = 'ai-footprint-logical-backup';
export const ARCHIVE_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
/**
 * Tables never copied: the migration runner's bookkeeping (recreated by migrating the target) and secrets a backup
 * must not carry in clear (docs/SECURITY.md, "Backups"): sessions and verification values (disposable: a restored
 * database makes everyone sign in again) and the alert webhook, whose HMAC signing secret is stored as given (after
 * a restore owners set the webhook again, with a new secret). pg_dump backups exclude the same tables' data.
 */
export const SECRET_TABLES = ['session', 'verification', 'alert_webhook'] as const;
export const NOT_BACKED_UP = new Set<string>(['_prisma_migrations', ...SECRET_TABLES]);

/** Backup directories and files are readable by their owner only: they hold members' emails and password hashes. */
export const BACKUP_DIR_MODE = 0o700;
export const BACKUP_FILE_MODE = 0o600;

export interface TArchiveTable {
  name: string;
  file: string;
  columns: string[];
  rows: number;
  sha256: string;
}

export interface TArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  createdAt: string;
  serverVersion: string;
  database: string;
  migrations: { name: string; checksum: string }[];
  tables: TArchiveTable[];
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
