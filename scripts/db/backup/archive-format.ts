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
/** Bookkeeping of the migration runner: recreated by migrating the target, never copied. */
export const SKIPPED_TABLES = new Set(['_prisma_migrations']);

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
