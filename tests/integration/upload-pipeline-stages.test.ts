import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TUserActor } from '@/lib/auth/actor';
import { createRecordingTracer } from '@/lib/ingest/ingest-tracer';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { createTestDatabase } from '../support/test-database';
import { chunksOf, createOrgWithEditor } from '../support/upload-fixtures';

// ingestUpload as explicit stages timed through an injected tracer (docs/decisions/ingest.md): a recording
// tracer sees every stage in pipeline order with the items that went through it; without one nothing changes.

let a: { orgId: string; userId: string; actor: TUserActor };
let b: { orgId: string; userId: string; actor: TUserActor };

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  a = await createOrgWithEditor('Traced');
  b = await createOrgWithEditor('Plain');
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

// Three data rows: job-b has a negative energy (rejected), job-a and job-c are stored: 10 + 6.5 = 16.5 kWh of IT
// energy.
const FILE = `record_id,phase,started_at,ended_at,energy_kwh
job-a,training,2025-02-01T00:00:00Z,2025-02-02T00:00:00Z,10
job-b,inference,2025-02-03T00:00:00Z,2025-02-04T00:00:00Z,-1
job-c,evaluation,2025-02-05,2025-02-06,6.5
`;
const FILE_BYTES = new TextEncoder().encode(FILE).length;
const CHUNK = 50;

test('a recording tracer sees each stage once in pipeline order, with the rows of the file', async () => {
  const tracer = createRecordingTracer(() => performance.now());
  const { upload } = await ingestUpload(a, {
    fileName: 'traced.csv',
    chunks: chunksOf(FILE, CHUNK),
    parse: {},
    validOnly: true,
    tracer,
  });
  expect(upload).toMatchObject({ status: 'completed', rowsTotal: 3, rowsAccepted: 2, rowsRejected: 1 });
  // The record-id COPY goes out with the first chunk, before the first batch is computed.
  expect(tracer.stages()).toEqual([
    'resolve',
    'decode',
    'parse',
    'copy',
    'compute',
    'stage',
    'upsert',
    'finish',
  ]);
  const items = Object.fromEntries(tracer.stages().map((s) => [s, tracer.record(s)?.items]));
  expect(items).toEqual({
    resolve: 0,
    decode: FILE_BYTES,
    parse: 2,
    copy: 0,
    compute: 2,
    stage: 2,
    upsert: 2,
    finish: 1,
  });
  // A chunk is decoded and parsed per push, plus once at the end; one batch is computed for the small file.
  const chunks = Math.ceil(FILE_BYTES / CHUNK);
  expect(tracer.record('decode')?.spans).toBe(chunks + 1);
  expect(tracer.record('compute')?.spans).toBe(1);
  expect(tracer.record('upsert')?.totalMs).toBeGreaterThan(0);
});

test('an all-or-nothing file with an error is parsed and finished as failed, never computed or staged', async () => {
  const tracer = createRecordingTracer(() => performance.now());
  const { upload } = await ingestUpload(a, {
    fileName: 'failed.csv',
    // Other ids, so it is not the first test's file again (that would end as a repeated upload).
    chunks: chunksOf(FILE.replaceAll('job-', 'fail-'), CHUNK),
    parse: {},
    tracer,
  });
  expect(upload).toMatchObject({ status: 'failed', rowsTotal: 3, rowsAccepted: 0, rowsRejected: 1 });
  expect(tracer.stages()).toEqual(['resolve', 'decode', 'parse', 'copy', 'upsert', 'finish']);
  expect(tracer.record('upsert')?.items).toBe(0);
  expect(tracer.record('finish')?.items).toBe(1);
});

test('without a tracer the same file gives the same upload', async () => {
  const traced = await ingestUpload(a, {
    fileName: 'same.csv',
    chunks: chunksOf(FILE.replaceAll('job-', 'same-'), CHUNK),
    parse: {},
    validOnly: true,
    tracer: createRecordingTracer(() => performance.now()),
  });
  const plain = await ingestUpload(b, {
    fileName: 'same.csv',
    chunks: chunksOf(FILE.replaceAll('job-', 'same-'), CHUNK),
    parse: {},
    validOnly: true,
  });
  const shape = (u: typeof plain.upload) => ({
    status: u.status,
    rowsAccepted: u.rowsAccepted,
    rowsRejected: u.rowsRejected,
    totals: u.totals,
    replacement: u.replacement,
  });
  expect(shape(plain.upload)).toEqual(shape(traced.upload));
  expect(plain.upload.totals?.itEnergyKwh).toBeCloseTo(16.5, 9);
});
