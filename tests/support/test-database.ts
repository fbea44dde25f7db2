import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDatabaseIfMissing } from '../../scripts/db/embedded-postgres';

/** Creates a fresh database cloned from the migrated template and returns its URL (one per test file). */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `aif_test_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(adminUrl, name, inject('templateDatabase'));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs SQL on the admin database (e.g. to create an empty database for migration tests). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
