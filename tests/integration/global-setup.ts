import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { dataPath } from '../../scripts/db/data-root';
import {
  createDatabaseIfMissing,
  embeddedUrl,
  startEmbeddedPostgres,
} from '../../scripts/db/embedded-postgres';
import { migrateDatabase } from '../../scripts/db/migrate';

// One embedded Postgres per test run (fresh data directory), one migrated template database;
// each test file clones the template (tests/support/test-database.ts), so files are isolated.
// With TEST_DATABASE_ADMIN_URL set (any Postgres superuser URL), that server is used instead.
const PORT = Number(process.env.TEST_PG_PORT ?? 54330);
const DATA_DIR = dataPath('test-postgres');
export const TEMPLATE_DB = 'aif_test_template';

export default async function setup(project: TestProject) {
  let stop = async () => {};
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    await rm(DATA_DIR, { recursive: true, force: true });
    const server = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: PORT, database: 'postgres' });
    stop = server.stop;
    adminUrl = embeddedUrl(PORT, 'postgres');
  }
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await createDatabaseIfMissing(adminUrl, TEMPLATE_DB);
  await migrateDatabase(templateUrl.toString());
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE_DB);
  return async () => {
    await stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}
