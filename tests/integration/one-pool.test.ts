// Issue #18 (one database stack): Prisma, the set-based/COPY code (uploads) and the dashboard reads share ONE
// pg.Pool (lib/server/db/pg-pool.ts). Evidence from Postgres itself: after each kind of work has run, every session
// open on the test database belongs to that pool (its application_name) and their number is the pool's own count,
// so no second pool (Prisma's, the dashboard reads') holds connections of its own.
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getPanelTotals, loadDashboardQuery } from '@/app/(dashboard)/_components/dashboard-query';
import { userActor } from '@/lib/auth/actor';
import { GENERIC_EXAMPLE_CSV } from '@/lib/ingest/templates';
import type { TAuthContext } from '@/lib/server/access/auth-context';
import { APP_DATABASE_NAME, DASHBOARD_READ_SLOTS, getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma, withDashboardReads } from '@/lib/server/db/prisma';
import { withTransaction } from '@/lib/server/db/sql-runner';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
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
    { orgId: org.orgId, actor: userActor(org.userId) },
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
    actor: userActor(org.userId),
    memberships: [],
    via: 'session',
  };
  const query = await loadDashboardQuery(ctx, { range: 'all' });
  const totals = await getPanelTotals(query, query.range);
  expect(totals.records).toBe(5);
  await expectOnlyTheOnePool();
});

test('withTransaction: commits, rolls back on an error and on rollbackIf, and returns the connection', async () => {
  const pool = getPgPool();
  await pool.query('CREATE TABLE IF NOT EXISTS tx_probe (n integer NOT NULL)');
  const insert = (n: number) => async (client: pg.ClientBase) => {
    await client.query('INSERT INTO tx_probe (n) VALUES ($1)', [n]);
    return n;
  };
  expect(await withTransaction(pool, insert(1))).toBe(1);
  await expect(
    withTransaction(pool, async (client) => {
      await insert(2)(client);
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  expect(await withTransaction(pool, insert(3), { rollbackIf: (n) => n === 3 })).toBe(3);
  // On a connection the caller owns: the same, and the connection stays checked out and usable.
  const client = await pool.connect();
  try {
    await withTransaction(client, insert(4));
    await expect(withTransaction(client, () => client.query('SELECT 1/0'))).rejects.toThrow(
      /division by zero/,
    );
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  } finally {
    client.release();
  }
  const { rows } = await pool.query<{ n: number }>('SELECT n FROM tx_probe ORDER BY n');
  expect(rows.map((r) => r.n)).toEqual([1, 4]);
  // Nothing left checked out (the pool's clients are all idle again).
  expect(pool.idleCount).toBe(pool.totalCount);
});

test('dashboard reads: at most DASHBOARD_READ_SLOTS at once, each with the statement timeout', async () => {
  let running = 0;
  let most = 0;
  const timeouts = await Promise.all(
    Array.from({ length: DASHBOARD_READ_SLOTS + 3 }, () =>
      withDashboardReads(async () => {
        running += 1;
        most = Math.max(most, running);
        const [row] = await getPrisma().$queryRaw<{ statement_timeout: string }[]>`
          SELECT current_setting('statement_timeout') AS statement_timeout, pg_sleep(0.2)::text AS slept`;
        running -= 1;
        return row?.statement_timeout;
      }),
    ),
  );
  expect(most).toBe(DASHBOARD_READ_SLOTS);
  expect(timeouts).toEqual(Array.from({ length: DASHBOARD_READ_SLOTS + 3 }, () => '10s'));
});
