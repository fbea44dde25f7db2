import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST } from '@/app/api/v1/uploads/route';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { deleteUpload } from '@/lib/server/usage/uploads/delete-upload';
import { CANCELLED_MESSAGE } from '@/lib/server/usage/uploads/upload-progress';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { HEADER, row } from '../support/hostile-corpus';
import { manyRowsCsv, slowChunks } from '../support/slow-upload';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor, orgTotals } from '../support/upload-fixtures';

// Issue #17 (hardening of the upload path): truncated request bodies, many uploads at once, one huge chunk,
// and upload ids reused across organisations. docs/RELIABILITY.md ("Upload size", "Concurrent uploads").

const base = 'http://localhost/api/v1/uploads';
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

/** `promise`, or a rejection naming `what` once `ms` have passed (a hang fails the test with a reason). */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const uploadRows = (orgId: string) => getPrisma().upload.count({ where: { orgId } });

describe('a request body shorter than its Content-Length is refused, nothing stored', () => {
  test('raw text/csv cut at a line end: 400, no upload row, no record', async () => {
    const ctx = await createOrgWithEditor('Cut');
    const token = (await createApiToken(ctx, 'ci')).token;
    const whole = manyRowsCsv(HEADER, row, 40, 'cut');
    const bytes = new TextEncoder().encode(whole);
    // The first 20 data lines only (a valid CSV on its own), declared with the whole file's length.
    const cut = `${whole.split('\n').slice(0, 21).join('\n')}\n`;
    const response = await POST(
      new Request(`${base}?fileName=cut.csv`, {
        method: 'POST',
        headers: { ...auth(token), 'content-type': 'text/csv', 'content-length': String(bytes.length) },
        body: cut,
      }),
    );
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.message).toContain(`${new TextEncoder().encode(cut).length} of the ${bytes.length}`);
    expect(await orgTotals(ctx.orgId)).toMatchObject({ records: 0 });
    expect(await uploadRows(ctx.orgId)).toBe(0);
  });

  test('multipart cut in the middle of the file: 400 (not 500), no upload row, no record', async () => {
    const ctx = await createOrgWithEditor('CutForm');
    const token = (await createApiToken(ctx, 'ci')).token;
    const form = new FormData();
    form.set('file', new File([manyRowsCsv(HEADER, row, 40, 'cutform')], 'cut.csv', { type: 'text/csv' }));
    const envelope = new Request(base, { method: 'POST', body: form });
    const whole = new Uint8Array(await envelope.arrayBuffer());
    const response = await POST(
      new Request(base, {
        method: 'POST',
        headers: {
          ...auth(token),
          'content-type': envelope.headers.get('content-type') ?? '',
          'content-length': String(whole.length),
        },
        body: whole.subarray(0, Math.floor(whole.length / 2)),
      }),
    );
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.message).toContain(`of the ${whole.length} bytes`);
    expect(await orgTotals(ctx.orgId)).toMatchObject({ records: 0 });
    expect(await uploadRows(ctx.orgId)).toBe(0);
  });
});

describe('the upload size limit (1 GiB)', () => {
  test('a declared Content-Length of 2 GiB is 413 before any byte is read or any row written', async () => {
    const ctx = await createOrgWithEditor('Huge');
    const token = (await createApiToken(ctx, 'ci')).token;
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(new TextEncoder().encode(`${HEADER}\n`));
          controller.close();
        },
        // No read ahead: `pull` runs only when someone reads the body.
      },
      { highWaterMark: 0 },
    );
    const response = await POST(
      new Request(`${base}?fileName=huge.csv`, {
        method: 'POST',
        headers: { ...auth(token), 'content-type': 'text/csv', 'content-length': String(2 * 1024 ** 3) },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: `The file is larger than the upload limit of ${1024 ** 3} bytes.`,
    });
    expect(pulled).toBe(false);
    expect(await uploadRows(ctx.orgId)).toBe(0);
  });
});

describe('an upload id another organisation used', () => {
  test('is not revealed: the upload succeeds under a fresh id; the other upload is untouched', async () => {
    const a = await createOrgWithEditor('IdOwner');
    const b = await createOrgWithEditor('IdProbe');
    const tokenA = (await createApiToken(a, 'ci')).token;
    const tokenB = (await createApiToken(b, 'ci')).token;
    const id = randomUUID();
    const post = (token: string, prefix: string) =>
      POST(
        new Request(`${base}?fileName=${prefix}.csv&uploadId=${id}`, {
          method: 'POST',
          headers: { ...auth(token), 'content-type': 'text/csv' },
          body: manyRowsCsv(HEADER, row, 3, prefix),
        }),
      );
    const first = await post(tokenA, 'owner');
    expect(first.status).toBe(201);
    expect((await first.json()).id).toBe(id);

    // Organisation B sends the same id: answered as for any fresh id (201, its rows stored), not 409.
    const probe = await post(tokenB, 'probe');
    const probeBody = await probe.json();
    expect(probe.status).toBe(201);
    expect(probeBody).toMatchObject({ status: 'completed', rowsAccepted: 3 });
    expect(probeBody.id).not.toBe(id);
    expect((await orgTotals(b.orgId)).records).toBe(3);
    // A's upload keeps its id, organisation, file and records.
    const owned = await getPrisma().upload.findUniqueOrThrow({ where: { id } });
    expect(owned).toMatchObject({ orgId: a.orgId, fileName: 'owner.csv', status: 'completed' });
    expect((await orgTotals(a.orgId)).records).toBe(3);

    // The organisation's own id again is still a conflict (it is its own upload).
    const reused = await post(tokenA, 'owner-again');
    expect(reused.status).toBe(409);
  });
});

describe('one chunk with more rows than fit in a call frame', () => {
  test('a single 150,000-row chunk is stored whole', { timeout: 600_000 }, async () => {
    const ctx = await createOrgWithEditor('OneChunk');
    const rows = 150_000;
    const text = manyRowsCsv(HEADER, row, rows, 'big');
    const bytes = new TextEncoder().encode(text);
    async function* oneChunk() {
      yield bytes;
    }
    const { upload } = await ingestUpload(ctx, { fileName: 'big.csv', chunks: oneChunk(), parse: {} });
    expect(upload).toMatchObject({ status: 'completed', rowsTotal: rows, rowsAccepted: rows, errorCount: 0 });
    expect((await orgTotals(ctx.orgId)).records).toBe(rows);
  });
});

describe('many uploads at once', () => {
  const CONCURRENT = 12;

  test('12 concurrent uploads all finish, and a plain read answers while they run', {
    timeout: 180_000,
  }, async () => {
    const ctx = await createOrgWithEditor('Crowd');
    const started = Date.now();
    const uploads = Array.from({ length: CONCURRENT }, (_, n) =>
      ingestUpload(ctx, {
        fileName: `crowd-${n}.csv`,
        // Slow bodies (10 chunks, 100 ms apart) keep the uploads running while the read below is made.
        chunks: slowChunks(manyRowsCsv(HEADER, row, 50, `crowd-${n}`), { chunkBytes: 700, pauseMs: 100 }),
        parse: {},
      }),
    );
    let settled = false;
    const all = Promise.all(uploads).finally(() => {
      settled = true;
    });
    all.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const read = await within(
      10_000,
      'a read on the pg pool during the uploads',
      getPgPool().query<{ n: number }>('SELECT count(*)::int AS n FROM upload WHERE org_id = $1', [
        ctx.orgId,
      ]),
    );
    expect(read.rows[0]?.n).toBeLessThanOrEqual(CONCURRENT);
    // The read was answered while the uploads were still running (each sends its file over about a second).
    expect(settled).toBe(false);
    expect(await within(120_000, `${CONCURRENT} concurrent uploads`, all)).toHaveLength(CONCURRENT);
    const results = await all;
    expect(results.map((r) => r.upload.status)).toEqual(Array(CONCURRENT).fill('completed'));
    expect(results.map((r) => r.upload.rowsAccepted)).toEqual(Array(CONCURRENT).fill(50));
    expect((await orgTotals(ctx.orgId)).records).toBe(CONCURRENT * 50);
    expect(Date.now() - started).toBeLessThan(120_000);
  });

  test('an upload deleted while it waits for a slot stops: 409 cancelled, nothing stored', async () => {
    const ctx = await createOrgWithEditor('Queued');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Sends the first 100 bytes, then holds its slot until `release()`.
    async function* heldChunks(text: string) {
      const bytes = new TextEncoder().encode(text);
      yield bytes.subarray(0, 100);
      await held;
      yield bytes.subarray(100);
    }
    const busyIds = [randomUUID(), randomUUID()];
    const busy = Promise.all(
      busyIds.map((uploadId, n) =>
        ingestUpload(ctx, {
          fileName: `busy-${n}.csv`,
          chunks: heldChunks(manyRowsCsv(HEADER, row, 50, `busy-${n}`)),
          parse: {},
          uploadId,
        }),
      ),
    );
    busy.catch(() => undefined);
    // Both slots are taken once both uploads have reported reading their first 100 bytes.
    const bytesRead = async () =>
      (await getPrisma().upload.findMany({ where: { id: { in: busyIds } }, select: { progress: true } })).map(
        (u) => (u.progress as { bytesProcessed?: number } | null)?.bytesProcessed ?? 0,
      );
    await expect.poll(bytesRead, { timeout: 60_000 }).toEqual([100, 100]);
    const queuedId = randomUUID();
    const queued = ingestUpload(ctx, {
      fileName: 'queued.csv',
      chunks: slowChunks(manyRowsCsv(HEADER, row, 5, 'queued'), { chunkBytes: 700, pauseMs: 0 }),
      parse: {},
      uploadId: queuedId,
    });
    queued.catch(() => undefined);
    await expect
      .poll(() => getPrisma().upload.count({ where: { id: queuedId } }), { timeout: 60_000 })
      .toBe(1);
    expect(await deleteUpload(ctx, queuedId)).toEqual({ recordsRemoved: 0 });
    release();
    await expect(queued).rejects.toMatchObject({ code: 'CONFLICT', message: CANCELLED_MESSAGE });
    await busy;
    expect((await orgTotals(ctx.orgId)).records).toBe(100);
    expect(await getPrisma().upload.count({ where: { id: queuedId } })).toBe(0);
  });

  test('12 concurrent POST /api/v1/uploads all answer 201', { timeout: 180_000 }, async () => {
    const ctx = await createOrgWithEditor('CrowdApi');
    const token = (await createApiToken(ctx, 'ci')).token;
    const responses = await within(
      120_000,
      `${CONCURRENT} concurrent POST /api/v1/uploads`,
      Promise.all(
        Array.from({ length: CONCURRENT }, (_, n) =>
          POST(
            new Request(`${base}?fileName=api-${n}.csv`, {
              method: 'POST',
              headers: { ...auth(token), 'content-type': 'text/csv' },
              body: manyRowsCsv(HEADER, row, 1, `api-${n}`),
            }),
          ),
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(CONCURRENT).fill(201));
    expect((await orgTotals(ctx.orgId)).records).toBe(CONCURRENT);
  });
});
