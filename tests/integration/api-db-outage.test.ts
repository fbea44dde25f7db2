import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { GET as records } from '@/app/api/v1/records/route';
import { GET as summary } from '@/app/api/v1/summary/route';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { toErrorResponse } from '@/lib/server/http/error-response';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../scripts/db/embedded-postgres';
import { migrateDatabase } from '../../scripts/db/migrate';
import { expectContract } from '../support/api-contract';
import { freePort } from '../support/free-port';
import { createOrgWithMember } from '../support/org-factory';

// The database goes away under a running app: read routes must answer 503 with Retry-After and the error
// envelope (what the documented retrying client waits on, docs/API.md), not 500. This file runs its own embedded
// server (free port, temporary directory) because it stops and restarts it.

let dataDir: string;
let port: number;
let db: EmbeddedDatabase;
let token: string;

const start = () => startEmbeddedPostgres({ dataDir, port, database: 'outage_api' });
const get = (pathAndQuery: string) =>
  new Request(`http://localhost${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } });
const SUMMARY = '/api/v1/summary?from=2026-01-01&to=2026-03-31&groupBy=month';
const RECORDS = '/api/v1/records?from=2026-01-01&to=2026-03-31';

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'aif-api-outage-'));
  port = await freePort();
  db = await start();
  await migrateDatabase(db.url);
  process.env.DATABASE_URL = db.url;
  token = (await createApiToken(await createOrgWithMember('viewer'), 'outage', { scopes: ['read'] })).token;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool()
    .end()
    .catch(() => undefined);
  await db.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function expectUnavailable(response: Response, documentedAs?: string) {
  expect(response.status).toBe(503);
  if (documentedAs) {
    // The 503 and its body are part of the OpenAPI contract the generated clients read.
    await expectContract('get', documentedAs, response.clone());
  }
  const retryAfterS = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfterS) && retryAfterS > 0).toBe(true);
  const body = (await response.json()) as { error: { code: string; status: number; message: string } };
  expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
  expect(body.error.status).toBe(503);
  expect(body.error.message).toMatch(/database/i);
  // Nothing about the driver leaks (host, port, error text).
  expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminat/i);
}

describe('database outage on read routes', () => {
  test('stopped Postgres: summary, records and a public route answer 503 with Retry-After; 200 again after restart', async () => {
    expect((await summary(get(SUMMARY))).status).toBe(200);
    expect((await records(get(RECORDS))).status).toBe(200);

    await db.stop();
    await expectUnavailable(await summary(get(SUMMARY)), '/api/v1/summary');
    await expectUnavailable(await records(get(RECORDS)), '/api/v1/records');
    // Anonymous routes count their rate limit in the database before the handler runs.
    await expectUnavailable(await openapi(new Request('http://localhost/api/v1/openapi.json')));

    db = await start();
    expect((await summary(get(SUMMARY))).status).toBe(200);
    expect((await records(get(RECORDS))).status).toBe(200);
  });
});

/** The error a query in flight gets when an administrator (or a failover) terminates its backend. */
async function terminatedWhileRunning(
  run: () => Promise<unknown>,
  applicationName: string,
): Promise<unknown> {
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  try {
    const pending = run().then(
      () => new Error('the query was not interrupted'),
      (error: unknown) => error,
    );
    // Wait until the sleeping query is visible, then terminate its backend.
    for (let i = 0; i < 100; i++) {
      const { rowCount } = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid() AND application_name = $1",
        [applicationName],
      );
      if (rowCount) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return await pending;
  } finally {
    await admin.end();
  }
}

describe('connection errors map to 503, other database errors stay 500', () => {
  test('real errors: terminated backend (pg and Prisma), pool timeout → 503; unique violation → 500', async () => {
    const status = (error: unknown) => toErrorResponse(error).status;

    const client = new pg.Client({ connectionString: db.url, application_name: 'aif-terminate-pg' });
    await client.connect();
    client.on('error', () => undefined);
    const pgError = await terminatedWhileRunning(
      () => client.query('SELECT pg_sleep(30)'),
      'aif-terminate-pg',
    );
    await client.end().catch(() => undefined);
    expect(String(pgError)).toMatch(/terminating connection due to administrator command/);
    expect(status(pgError)).toBe(503);

    // A Prisma client on a pool of its own, so its session can be told apart (the app's pool has one name).
    const prismaPool = new pg.Pool({ connectionString: db.url, application_name: 'aif-terminate-prisma' });
    const { createPrismaClient } = await import('@/lib/server/db/prisma');
    const prisma = createPrismaClient(prismaPool);
    const prismaError = await terminatedWhileRunning(
      () => prisma.$queryRawUnsafe('SELECT pg_sleep(30)'),
      'aif-terminate-prisma',
    );
    await prisma.$disconnect();
    await prismaPool.end();
    expect(prismaError).toBeInstanceOf(Error);
    expect(status(prismaError)).toBe(503);

    // Every connection busy for longer than the pool waits: pg-pool's "timeout exceeded when trying to connect".
    const pool = new pg.Pool({ connectionString: db.url, max: 1, connectionTimeoutMillis: 100 });
    const held = await pool.connect();
    const timeout = await pool.connect().then(
      () => new Error('a second connection was granted'),
      (error: unknown) => error,
    );
    held.release();
    await pool.end();
    expect(String(timeout)).toMatch(/timeout exceeded when trying to connect/);
    expect(status(timeout)).toBe(503);

    // A constraint violation is a bug or a race, not an outage: it stays 500 (and must not be retried blindly).
    const slug = `dup-${Date.now()}`;
    await getPrisma().organization.create({ data: { name: 'Dup', slug } });
    const duplicate = await getPrisma()
      .organization.create({ data: { name: 'Dup', slug } })
      .then(
        () => new Error('the duplicate was stored'),
        (error: unknown) => error,
      );
    expect((duplicate as { code?: string }).code).toBe('P2002');
    expect(status(duplicate)).toBe(500);
    expect(status(new Error('bug'))).toBe(500);
  });
});
