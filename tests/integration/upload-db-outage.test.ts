import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { recoverInterruptedUploads } from '@/lib/server/usage/uploads/upload-lifecycle';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../scripts/db/embedded-postgres';
import { migrateDatabase } from '../../scripts/db/migrate';
import { HEADER, row } from '../support/hostile-corpus';
import { manyRowsCsv, slowChunks } from '../support/slow-upload';
import { chunksOf, createOrgWithEditor, orgTotals } from '../support/upload-fixtures';

// Postgres stopped in the middle of an upload. This file runs its own embedded server (on a free port, in a
// temporary directory) because it stops and restarts it; the shared test server is never touched.

let dataDir: string;
let port: number;
let db: EmbeddedDatabase;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const start = () => startEmbeddedPostgres({ dataDir, port, database: 'outage' });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'aif-outage-'));
  port = await freePort();
  db = await start();
  await migrateDatabase(db.url);
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), db.url);
  process.env.DATABASE_URL = db.url;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool()
    .end()
    .catch(() => undefined);
  await db.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('Postgres stopped mid-upload: upload fails, no partial records, recovery marks it failed, retry succeeds', async () => {
  const ctx = await createOrgWithEditor('Outage');
  const text = manyRowsCsv(HEADER, row, 3000, 'outage');
  let stopped: Promise<void> | null = null;
  const attempt = ingestUpload(ctx, {
    fileName: 'outage.csv',
    // 2 KiB chunks: the first 2,000-record batch is COPYed into the staging table before the server stops.
    chunks: slowChunks(text, {
      chunkBytes: 2048,
      pauseMs: 5,
      onChunk: (i) => {
        if (i === 120) {
          stopped = db.stop();
        }
      },
    }),
    parse: {},
  });
  await expect(attempt).rejects.toThrow();
  await stopped;

  // The database comes back (same data directory); the app restarts and runs its start-up recovery.
  db = await start();
  const restartedUrl = `${db.url}?application_name=after-restart`;
  process.env.DATABASE_URL = restartedUrl;
  await getPrisma().$disconnect();
  (globalThis as { aiFootprintPrisma?: unknown }).aiFootprintPrisma = undefined;

  expect((await orgTotals(ctx.orgId)).records).toBe(0);
  const recovered = await recoverInterruptedUploads(new Date());
  const failed = await getPrisma().upload.findFirstOrThrow({ where: { orgId: ctx.orgId } });
  expect(failed.status).toBe('failed');
  expect(recovered).toEqual([failed.id]);

  const retry = await ingestUpload(ctx, {
    fileName: 'outage.csv',
    chunks: chunksOf(text, 65_536),
    parse: {},
  });
  expect(retry.upload.status).toBe('completed');
  expect((await orgTotals(ctx.orgId)).records).toBe(3000);
  expect(await getPrisma().upload.count({ where: { orgId: ctx.orgId, status: 'processing' } })).toBe(0);
});
