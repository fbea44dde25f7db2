import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TUserActor } from '@/lib/auth/actor';
import { GENERIC_EXAMPLE_CSV } from '@/lib/ingest/templates';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { deleteUpload } from '@/lib/server/usage/uploads/delete-upload';
import { getUpload, getUploadErrorReport } from '@/lib/server/usage/uploads/upload-queries';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { createTestDatabase } from '../support/test-database';
import { chunksOf, createOrgWithEditor, orgTotals } from '../support/upload-fixtures';

let a: { orgId: string; userId: string; actor: TUserActor };
let b: { orgId: string; userId: string; actor: TUserActor };

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  a = await createOrgWithEditor('Alpha');
  b = await createOrgWithEditor('Beta');
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

const upload = (
  ctx: { orgId: string; userId: string; actor: TUserActor },
  fileName: string,
  text: string,
  validOnly = false,
) => ingestUpload(ctx, { fileName, chunks: chunksOf(text, 97), parse: {}, validOnly });

describe('generic example upload', () => {
  test('stores the 5 records with computed totals, teams and projects, and an audit event', async () => {
    const { upload: u, repeated } = await upload(a, 'example.csv', GENERIC_EXAMPLE_CSV);
    expect(repeated).toBe(false);
    expect(u).toMatchObject({
      status: 'completed',
      format: 'generic',
      rowsTotal: 5,
      rowsAccepted: 5,
      rowsRejected: 0,
    });
    expect(u.replacement).toEqual({ created: 5, updated: 0, unchanged: 0 });
    const totals = await orgTotals(a.orgId);
    expect(totals.records).toBe(5);
    expect(u.totals?.facilityEnergyKwh).toBeCloseTo(totals.facilityEnergyKwh, 6);
    expect(u.totals?.locationKgCo2e).toBeCloseTo(totals.locationKgCo2e, 6);
    expect(totals.facilityEnergyKwh).toBeGreaterThan(1000);
    const prisma = getPrisma();
    const teams = await prisma.team.findMany({ where: { orgId: a.orgId }, orderBy: { slug: 'asc' } });
    expect(teams.map((t) => t.slug)).toEqual(['applied-ml', 'devices', 'ml-platform', 'research']);
    const record = await prisma.usageRecord.findFirstOrThrow({
      where: { orgId: a.orgId, externalId: 'llm7b-sft-2025-03-10' },
      include: { team: true, project: true },
    });
    expect([record.team?.slug, record.project?.slug, record.uploadId, record.uploadLine]).toEqual([
      'applied-ml',
      'support-bot',
      u.id,
      3,
    ]);
    const audit = await prisma.auditEvent.findFirst({
      where: { orgId: a.orgId, action: 'upload.completed' },
    });
    expect(audit?.targetId).toBe(u.id);
    expect(audit?.contentHash).toBe(u.sha256);
  });

  test('the same file again is recognised: existing upload returned, nothing added', async () => {
    const before = await orgTotals(a.orgId);
    const first = await getPrisma().upload.findFirstOrThrow({ where: { orgId: a.orgId } });
    const { upload: u, repeated } = await upload(a, 'example-again.csv', GENERIC_EXAMPLE_CSV);
    expect(repeated).toBe(true);
    expect(u.id).toBe(first.id);
    expect(await orgTotals(a.orgId)).toEqual(before);
    expect(await getPrisma().upload.count({ where: { orgId: a.orgId } })).toBe(1);
  });

  test('the same file read in another time zone is refused (409): it would store the same runs twice', async () => {
    // Naive timestamps: 08:00 → 20:00 wall time. Read in Europe/Paris (UTC+1 on 2025-03-10) the run starts at
    // 07:00Z; read in America/New_York (UTC-4 after the 2025-03-09 change) at 12:00Z: other instants, same run.
    const csv =
      'phase,started_at,ended_at,region,energy_kwh\ntraining,2025-03-10T08:00:00,2025-03-10T20:00:00,FR,12\n';
    const c = await createOrgWithEditor('Gamma');
    const read = (timeZone: string) =>
      ingestUpload(c, {
        fileName: 'naive.csv',
        chunks: chunksOf(csv, 31),
        parse: { timeZone },
        validOnly: false,
      });
    const first = await read('Europe/Paris');
    expect(first.repeated).toBe(false);
    const record = await getPrisma().usageRecord.findFirstOrThrow({ where: { uploadId: first.upload.id } });
    expect(record.startedAt.toISOString()).toBe('2025-03-10T07:00:00.000Z');
    const before = await orgTotals(c.orgId);

    await expect(read('America/New_York')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /already uploaded on \d{4}-\d{2}-\d{2} with its timestamps read in Europe\/Paris\. To read them in America\/New_York instead, delete that upload first/,
      ),
    });
    expect(await orgTotals(c.orgId)).toEqual(before);
    expect(await getPrisma().upload.count({ where: { orgId: c.orgId, fileName: 'naive.csv' } })).toBe(1);
    // The same zone again is the ordinary repeat: the first upload is answered, nothing added.
    const again = await read('Europe/Paris');
    expect(again).toMatchObject({ repeated: true, upload: { id: first.upload.id } });
  });

  test('a row with a known record_id replaces the earlier version and the replacement is logged', async () => {
    const header = GENERIC_EXAMPLE_CSV.split('\n')[0];
    const csv = `${header}\nllm7b-sft-2025-03-10,fine_tuning,2025-03-10T08:00:00Z,2025-03-10T20:00:00Z,applied-ml,support-bot,llm-7b-chat-v2,gcp,europe-west4,,,,NVIDIA H100 80GB HBM3,8,96,700,0.7,,,,,,,,1180,\nnew-one,inference,2025-03-01,2025-03-02,,,,,FR,,,,,,,,,5,,,,,,,,\n`;
    // Same content for the first row (unchanged), then change its energy: replaced.
    const { upload: same } = await upload(a, 'same.csv', csv);
    expect(same.replacement).toEqual({ created: 1, updated: 0, unchanged: 1 });
    const changed = csv.replace(',96,700,0.7,', ',120,700,0.7,');
    const { upload: u } = await upload(a, 'changed.csv', changed);
    expect(u.replacement).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const record = await getPrisma().usageRecord.findFirstOrThrow({
      where: { orgId: a.orgId, externalId: 'llm7b-sft-2025-03-10' },
      include: { restatements: true },
    });
    expect(record.acceleratorHours).toBe(120);
    expect(record.uploadId).toBe(u.id);
    expect(record.restatements).toHaveLength(1);
    expect(record.restatements[0]?.reason).toBe('replaced by upload of changed.csv (line 2)');
    expect(await getPrisma().usageRecord.count({ where: { orgId: a.orgId } })).toBe(6);
  });
});

describe('invalid rows', () => {
  const bad =
    'record_id,phase,started_at,ended_at,energy_kwh\nok-1,training,2025-03-01,2025-03-02,12.5\nbad-1,training,2025-02-31,2025-03-02,3\n';

  test('all-or-nothing: one invalid row stores nothing; the failed upload keeps its error report', async () => {
    const before = await orgTotals(b.orgId);
    const { upload: u } = await upload(b, 'bad-date.csv', bad);
    expect(u).toMatchObject({
      status: 'failed',
      rowsTotal: 2,
      rowsAccepted: 0,
      rowsRejected: 1,
      errorCount: 1,
    });
    expect(await orgTotals(b.orgId)).toEqual(before);
    const report = await getUploadErrorReport(b, u.id);
    expect(report?.errors).toEqual([
      expect.objectContaining({ line: 3, column: 'started_at', fileName: 'bad-date.csv' }),
    ]);
  });

  test('valid rows only: the good row is stored and the skipped line listed', async () => {
    const { upload: u } = await upload(b, 'bad-date.csv', bad, true);
    expect(u).toMatchObject({ status: 'completed', rowsAccepted: 1, rowsRejected: 1 });
    expect((await orgTotals(b.orgId)).records).toBe(1);
    expect((await getUploadErrorReport(b, u.id))?.skippedLines).toEqual([3]);
  });

  test('an unknown header fails as a whole even with valid rows only', async () => {
    const { upload: u } = await upload(b, 'x.csv', 'foo,bar\n1,2\n', true);
    expect(u.status).toBe('failed');
    expect((await orgTotals(b.orgId)).records).toBe(1);
  });
});

describe('delete and organisation isolation', () => {
  test("another organisation's upload id is NOT_FOUND and changes nothing", async () => {
    const mine = await getPrisma().upload.findFirstOrThrow({
      where: { orgId: a.orgId, status: 'completed' },
    });
    const before = await orgTotals(a.orgId);
    await expect(deleteUpload(b, mine.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await getUpload(b, mine.id)).toBeNull();
    expect(await getUploadErrorReport(b, mine.id)).toBeNull();
    expect(await orgTotals(a.orgId)).toEqual(before);
  });

  test('deleting an upload removes its records, puts the totals back and writes an audit event', async () => {
    const before = await orgTotals(b.orgId);
    const { upload: u } = await upload(b, 'example.csv', GENERIC_EXAMPLE_CSV);
    const after = await orgTotals(b.orgId);
    expect(after.records).toBe(before.records + 5);
    expect(await deleteUpload(b, u.id)).toEqual({ recordsRemoved: 5 });
    const back = await orgTotals(b.orgId);
    expect(back.records).toBe(before.records);
    expect(back.locationKgCo2e).toBeCloseTo(before.locationKgCo2e, 9);
    expect(await getUpload(b, u.id)).toBeNull();
    const audit = await getPrisma().auditEvent.findFirst({
      where: { orgId: b.orgId, action: 'upload.deleted' },
    });
    expect(audit?.metadata).toMatchObject({ fileName: 'example.csv', recordsRemoved: 5 });
  });
});
