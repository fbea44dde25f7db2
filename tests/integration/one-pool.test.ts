// Issue #18 (one database stack): Prisma, the set-based/COPY code (uploads) and the dashboard reads share ONE
// pg.Pool (lib/data/pg-pool.ts). Evidence from Postgres itself: after each kind of work has run, every session
// open on the test database belongs to that pool (its application_name) and their number is the pool's own count,
// so no second pool (Prisma's, the dashboard reads') holds connections of its own.
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getPanelTotals, loadDashboardQuery } from '@/app/(dashboard)/_components/dashboard-query';
import type { TAuthContext } from '@/lib/auth/context';
import { replaceBundledFactorLibrary } from '@/lib/data/factor-library-load';
import { APP_DATABASE_NAME, getPgPool } from '@/lib/data/pg-pool';
import { ingestUpload } from '@/lib/data/uploads';
import { getPrisma } from '@/lib/db';
import { loadBundledFactorLibrary } from '@/lib/factors/load-bundled-factor-library';
import { GENERIC_EXAMPLE_CSV } from '@/lib/ingest/templates';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';
import { chunksOf } from '../support/upload-fixtures';

let monitor: pg.Client;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  monitor = new pg.Client({
    connectionString: process.env.DATABASE_URL,
    application_name: 'one-pool-monitor',
  });
  await monitor.connect();
});

afterAll(async () => {
  await monitor.end();
  await getPrisma().$disconnect();
  await getPgPool().end();
});

/** Client sessions on the test database other than the monitor's own, by application_name. */
async function sessions(): Promise<string[]> {
  const { rows } = await monitor.query<{ name: string }>(
    `SELECT application_name AS name FROM pg_stat_activity
      WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
  );
  return rows.map((r) => r.name);
}

async function expectOnlyTheOnePool(): Promise<void> {
  const names = await sessions();
  expect(names.length).toBeGreaterThan(0);
  expect(names.length).toBe(getPgPool().totalCount);
  expect(new Set(names)).toEqual(new Set([APP_DATABASE_NAME]));
}

test('Prisma, pg, an upload and an overview read all run on the one pool', async () => {
  const org = await createOrgWithMember();
  // A Prisma query, a Prisma transaction and a plain pg query, several at once so a pool opens several sessions.
  await Promise.all([
    getPrisma().organization.findUniqueOrThrow({ where: { id: org.orgId } }),
    getPrisma().$transaction(async (tx) => tx.team.count({ where: { orgId: org.orgId } })),
    getPgPool().query('SELECT 1'),
  ]);
  await expectOnlyTheOnePool();

  // An upload (staging + COPY + upsert): the example has 5 valid rows.
  const { upload } = await ingestUpload(
    { orgId: org.orgId, userId: org.userId },
    { fileName: 'example.csv', chunks: chunksOf(GENERIC_EXAMPLE_CSV, 97), parse: {} },
  );
  expect(upload).toMatchObject({ status: 'completed', rowsAccepted: 5 });
  await expectOnlyTheOnePool();

  // An overview read (dashboard reads, with their statement timeout).
  const ctx: TAuthContext = {
    userId: org.userId,
    userEmail: org.email,
    userName: 'Test',
    orgId: org.orgId,
    orgSlug: org.orgSlug,
    orgName: 'Test org',
    role: 'owner',
    memberships: [],
    via: 'session',
  };
  const query = await loadDashboardQuery(ctx, { range: 'all' });
  const totals = await getPanelTotals(query, query.range);
  expect(totals.records).toBe(5);
  await expectOnlyTheOnePool();
});
