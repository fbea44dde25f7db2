import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { recomputeOrganization } from '@/lib/server/usage/recompute';
import { recoverInterruptedUploads } from '@/lib/server/usage/uploads/upload-lifecycle';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { HEADER, row } from '../support/hostile-corpus';
import { manyRowsCsv, slowChunks } from '../support/slow-upload';
import { createTestDatabase } from '../support/test-database';
import { chunksOf, createOrgWithEditor, orgTotals } from '../support/upload-fixtures';

// Faults around uploads on the real embedded Postgres: concurrent duplicates, a recompute racing an upload,
// and the app process killed mid-upload (start-up recovery). Postgres itself stopping is in
// upload-db-outage.test.ts (it needs its own server).

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

const uploadsOf = (orgId: string) =>
  getPrisma().upload.groupBy({ by: ['status'], where: { orgId }, _count: true, orderBy: { status: 'asc' } });

describe('upload faults', () => {
  test('the same file uploaded twice concurrently is stored exactly once', async () => {
    const ctx = await createOrgWithEditor('Twice');
    const text = manyRowsCsv(HEADER, row, 400, 'twice');
    const [first, second] = await Promise.all(
      [1, 2].map((n) =>
        ingestUpload(ctx, { fileName: `twice-${n}.csv`, chunks: chunksOf(text, 512), parse: {} }),
      ),
    );
    expect([first?.repeated, second?.repeated].sort()).toEqual([false, true]);
    expect(first?.upload.id).toBe(second?.upload.id);
    expect((await orgTotals(ctx.orgId)).records).toBe(400);
    expect(await uploadsOf(ctx.orgId)).toEqual([{ status: 'completed', _count: 1 }]);
  });

  test('a recompute running during an upload leaves consistent totals', async () => {
    const ctx = await createOrgWithEditor('Racing');
    await ingestUpload(ctx, {
      fileName: 'first.csv',
      chunks: chunksOf(manyRowsCsv(HEADER, row, 300, 'first'), 4096),
      parse: {},
    });
    await getPrisma().organization.update({ where: { id: ctx.orgId }, data: { defaultBasis: 'direct' } });
    const text = manyRowsCsv(HEADER, row, 600, 'second');
    let recompute: Promise<unknown> = Promise.resolve();
    const upload = ingestUpload(ctx, {
      fileName: 'second.csv',
      chunks: slowChunks(text, {
        chunkBytes: 4096,
        pauseMs: 20,
        onChunk: (i) => {
          if (i === 2) {
            recompute = recomputeOrganization(ctx, { reason: 'race test', now: new Date() });
          }
        },
      }),
      parse: {},
    });
    const [{ upload: done }] = await Promise.all([upload, upload.then(() => recompute)]);
    expect(done.status).toBe('completed');
    expect((await orgTotals(ctx.orgId)).records).toBe(900);
    // Whatever the interleaving, a further recompute finds every record already computed with the current
    // settings: no record kept results from before the settings change.
    const again = await recomputeOrganization(ctx, { reason: 'check', now: new Date() });
    expect(again).toMatchObject({ records: 900, changedRecords: 0 });
  });

  test('the app killed mid-upload: nothing stored, start-up recovery marks it failed, a retry succeeds', async () => {
    const ctx = await createOrgWithEditor('Killed');
    const child = spawn(
      process.execPath,
      [
        path.resolve('node_modules/tsx/dist/cli.mjs'),
        '--conditions=react-server',
        '--tsconfig',
        path.resolve('tsconfig.json'),
        path.resolve('tests/support/upload-child.ts'),
        ctx.orgId,
        ctx.userId,
        '500',
      ],
      { env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    const streaming = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => String(d).includes('STREAMING') && resolve());
      child.once('exit', (code) => reject(new Error(`child exited early (${code}): ${stderr}`)));
    });
    await streaming;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(await uploadsOf(ctx.orgId)).toEqual([{ status: 'processing', _count: 1 }]);
    expect((await orgTotals(ctx.orgId)).records).toBe(0);

    const recovered = await recoverInterruptedUploads(new Date());
    const stale = await getPrisma().upload.findFirstOrThrow({ where: { orgId: ctx.orgId } });
    expect(recovered).toContain(stale.id);
    expect(stale.status).toBe('failed');
    expect(JSON.stringify(stale.errorReport)).toMatch(/server stopped while this upload was processing/);
    const audit = await getPrisma().auditEvent.count({
      where: { orgId: ctx.orgId, action: 'upload.interrupted', targetId: stale.id },
    });
    expect(audit).toBe(1);

    const retry = await ingestUpload(ctx, {
      fileName: 'killed.csv',
      chunks: chunksOf(manyRowsCsv(HEADER, row, 500, 'killed'), 8192),
      parse: {},
    });
    expect(retry.upload.status).toBe('completed');
    expect((await orgTotals(ctx.orgId)).records).toBe(500);
    expect(await recoverInterruptedUploads(new Date())).toEqual([]);
  });
});
