import pg from 'pg';
import { getPrisma } from '@/lib/server/db/prisma';
import { seedDemoOrganization } from '@/lib/server/demo/demo-seed';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { createTestDatabase } from './test-database';

/**
 * A fresh test database with the bundled factor library and the demo organisation, plus a plain pg client for
 * raw writes (rollup tests write usage_record directly to exercise the triggers). Call from beforeAll.
 */
export async function openRollupTestOrg(): Promise<{ orgId: string; client: pg.Client }> {
  const url = await createTestDatabase();
  process.env.DATABASE_URL = url;
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), url);
  const { orgId } = await seedDemoOrganization({ computedAt: new Date('2026-11-29T00:00:00Z') });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { orgId, client };
}

/** afterAll counterpart: connections closed. */
export async function closeRollupTestOrg(client: pg.Client): Promise<void> {
  await client.end();
  await getPrisma().$disconnect();
}
