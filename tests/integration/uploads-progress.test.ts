import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { POST } from '@/app/api/v1/uploads/route';
import type { TUserActor } from '@/lib/auth/actor';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { deleteUpload } from '@/lib/server/usage/uploads/delete-upload';
import { getUploadProgress } from '@/lib/server/usage/uploads/upload-progress';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor, orgTotals } from '../support/upload-fixtures';

let editor: { orgId: string; userId: string; actor: TUserActor };

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  editor = await createOrgWithEditor('Progress');
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

const HEADER =
  'record_id,phase,started_at,ended_at,provider,region,accelerator,accelerator_count,accelerator_hours\n';
const rows = (from: number, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `p-${from + i},training,2026-03-01T00:00:00Z,2026-03-01T01:00:00Z,aws,us-east-1,NVIDIA L4,1,1\n`,
  ).join('');
const bytes = (text: string) => new TextEncoder().encode(text);

test('progress is readable from outside the upload transaction while the file is processed', async () => {
  const uploadId = randomUUID();
  const first = bytes(HEADER + rows(0, 50));
  const seen: unknown[] = [];
  async function* chunks() {
    yield first;
    // The ingest reported progress after the first chunk, in its own committed statement.
    seen.push(await getUploadProgress(editor, uploadId));
    yield bytes(rows(50, 25));
  }
  // A clock that stands still: no time passes, so there is no rate yet (see the next test for one).
  const { upload } = await ingestUpload(
    editor,
    { fileName: 'progress.csv', chunks: chunks(), parse: {}, uploadId, bytesTotal: first.length + 999 },
    () => new Date(Date.UTC(2026, 5, 1)),
  );
  expect(seen[0]).toEqual({
    id: uploadId,
    status: 'processing',
    cancelRequested: false,
    progress: {
      stage: 'parsing',
      bytesProcessed: first.length,
      bytesTotal: first.length + 999,
      rowsProcessed: 50,
      rowsRejected: 0,
      // 50 rows in the first 4,290 bytes (header 100 + 10 rows × 83 + 40 × 84) of 5,289 declared:
      // about 50 × 5,289 / 4,290 = 61.6 → 62 rows. Under a second of reading: no rate or time left yet.
      rowsTotal: 62,
      rowsTotalEstimated: true,
      rowsPerSecond: null,
      etaSeconds: null,
    },
  });
  expect(upload).toMatchObject({ id: uploadId, status: 'completed', rowsAccepted: 75 });
  expect(await getUploadProgress(editor, uploadId)).toMatchObject({ status: 'completed', progress: null });
  // Another organisation cannot read it.
  const other = await createOrgWithEditor('Other');
  expect(await getUploadProgress(other, uploadId)).toBeNull();
});

test('rows per second and time left to read come from the time since the first byte', async () => {
  const uploadId = randomUUID();
  const first = bytes(HEADER + rows(5000, 50));
  // A clock that advances 2 s at every reading: reading starts at one tick, the first progress is the next.
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 5, 1) + 2000 * tick++);
  const seen: unknown[] = [];
  async function* chunks() {
    yield first;
    seen.push(await getUploadProgress(editor, uploadId));
    yield bytes(rows(5050, 25));
  }
  await ingestUpload(
    editor,
    { fileName: 'eta.csv', chunks: chunks(), parse: {}, uploadId, bytesTotal: 4 * first.length },
    now,
  );
  // 50 rows in 4,400 bytes (header 100 + 50 rows × 86) of 4 × 4,400 declared: about 200 rows.
  // 50 rows in 2 s = 25 rows/s; 150 rows left / 25 rows/s = 6 s.
  expect(first.length).toBe(100 + 50 * 86);
  expect(seen[0]).toMatchObject({
    progress: {
      rowsProcessed: 50,
      rowsTotal: 200,
      rowsTotalEstimated: true,
      rowsPerSecond: 25,
      etaSeconds: 6,
    },
  });
});

test('DELETE during processing cancels the upload: nothing stored, no upload row left', async () => {
  const uploadId = randomUUID();
  const before = await orgTotals(editor.orgId);
  let cancelled: unknown = null;
  async function* chunks() {
    yield bytes(HEADER + rows(1000, 40));
    cancelled = await deleteUpload(editor, uploadId);
    yield bytes(rows(1040, 40));
  }
  await expect(
    ingestUpload(editor, { fileName: 'cancel.csv', chunks: chunks(), parse: {}, uploadId }),
  ).rejects.toMatchObject({ code: 'CONFLICT', message: 'The upload was cancelled; nothing was stored.' });
  expect(cancelled).toEqual({ recordsRemoved: 0, cancelled: true });
  expect(await orgTotals(editor.orgId)).toEqual(before);
  expect(await getUploadProgress(editor, uploadId)).toBeNull();
});

test('a cancel while staged rows are streaming abandons the open COPY: nothing stored, the next upload works', async () => {
  const uploadId = randomUUID();
  const before = await orgTotals(editor.orgId);
  async function* chunks() {
    // More rows than one staging batch (500), so a COPY is open when the cancel arrives.
    yield bytes(HEADER + rows(7000, 1200));
    await deleteUpload(editor, uploadId);
    yield bytes(rows(8200, 10));
  }
  // A clock a second ahead at every reading, so progress is due (and the cancel seen) after every chunk.
  let tick = 0;
  const now = () => new Date(Date.UTC(2026, 5, 1) + 1000 * tick++);
  await expect(
    ingestUpload(editor, { fileName: 'cancel-copy.csv', chunks: chunks(), parse: {}, uploadId }, now),
  ).rejects.toMatchObject({ code: 'CONFLICT', message: 'The upload was cancelled; nothing was stored.' });
  expect(await orgTotals(editor.orgId)).toEqual(before);
  const { upload } = await ingestUpload(editor, {
    fileName: 'after-cancel.csv',
    chunks: (async function* () {
      yield bytes(HEADER + rows(9000, 3));
    })(),
    parse: {},
  });
  expect(upload).toMatchObject({ status: 'completed', rowsAccepted: 3 });
});

test('a reused uploadId is a conflict and stores nothing', async () => {
  const uploadId = randomUUID();
  const file = () =>
    (async function* () {
      yield bytes(HEADER + rows(2000, 3));
    })();
  await ingestUpload(editor, { fileName: 'a.csv', chunks: file(), parse: {}, uploadId });
  await expect(
    ingestUpload(editor, { fileName: 'b.csv', chunks: file(), parse: {}, uploadId }),
  ).rejects.toMatchObject({ code: 'CONFLICT' });
});

test('multipart is streamed: fields before the file part apply, the upload id is the client one', async () => {
  const { token } = await createApiToken(editor, 'progress');
  const form = new FormData();
  const uploadId = randomUUID();
  form.set('validOnly', 'true');
  form.set('uploadId', uploadId);
  form.set(
    'file',
    new File(
      [`${HEADER}${rows(3000, 2)}bad,training,nope,2026-03-01,aws,us-east-1,NVIDIA L4,1,1\n`],
      'mp.csv',
    ),
  );
  const response = await POST(
    new Request('http://localhost/api/v1/uploads', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    }),
  );
  expect(response.status).toBe(201);
  const body = (await response.json()) as {
    id: string;
    fileName: string;
    rowsAccepted: number;
    rowsRejected: number;
  };
  expect(body).toMatchObject({ id: uploadId, fileName: 'mp.csv', rowsAccepted: 2, rowsRejected: 1 });
});
