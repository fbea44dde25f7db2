import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TUserActor } from '@/lib/auth/actor';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { getUploadErrorReport } from '@/lib/server/usage/uploads/upload-queries';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { createTestDatabase } from '../support/test-database';
import { chunksOf, createOrgWithEditor, orgTotals } from '../support/upload-fixtures';

// Duplicate record_ids within a file are found in Postgres (upload-duplicates.ts), not in a map in memory:
// the same errors (line, column, message) and the same all-or-nothing / valid-rows-only outcomes.
let org: { orgId: string; userId: string; actor: TUserActor };

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  org = await createOrgWithEditor('Dupes');
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

const HEADER = 'record_id,phase,started_at,ended_at,energy_kwh\n';
const upload = (fileName: string, text: string, validOnly = false) =>
  ingestUpload(org, { fileName, chunks: chunksOf(text, 31), parse: {}, validOnly });

describe('duplicate record_id within a file', () => {
  const text = `${HEADER}a,training,2025-03-01,2025-03-02,1\nb,training,2025-03-01,2025-03-02,2\na,training,2025-03-03,2025-03-04,4\nb,inference,2025-03-05,2025-03-06,8\nc,training,2025-03-01,2025-03-02,16\n`;

  test('all-or-nothing: the file fails with one error per reusing line (line, column, first line)', async () => {
    const before = await orgTotals(org.orgId);
    const { upload: u } = await upload('dupes.csv', text);
    expect(u).toMatchObject({
      status: 'failed',
      rowsTotal: 5,
      rowsAccepted: 0,
      rowsRejected: 2,
      errorCount: 2,
    });
    expect((await getUploadErrorReport(org, u.id))?.errors).toEqual([
      {
        fileName: 'dupes.csv',
        line: 4,
        column: 'record_id',
        message: 'record_id "a" is already used on line 2; record ids must be unique within a file',
      },
      {
        fileName: 'dupes.csv',
        line: 5,
        column: 'record_id',
        message: 'record_id "b" is already used on line 3; record ids must be unique within a file',
      },
    ]);
    expect(await orgTotals(org.orgId)).toEqual(before);
  });

  test('valid rows only: the first use of each id is stored, the reusing lines are skipped and not counted', async () => {
    const { upload: u } = await upload('dupes.csv', text, true);
    expect(u).toMatchObject({ status: 'completed', rowsAccepted: 3, rowsRejected: 2 });
    expect(u.totals?.records).toBe(3);
    expect(u.replacement).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect((await getUploadErrorReport(org, u.id))?.skippedLines).toEqual([4, 5]);
    const stored = await getPrisma().usageRecord.findMany({
      where: { orgId: org.orgId },
      orderBy: { externalId: 'asc' },
      select: { externalId: true, measuredEnergyKwh: true, uploadLine: true },
    });
    expect(stored).toEqual([
      { externalId: 'a', measuredEnergyKwh: 1, uploadLine: 2 },
      { externalId: 'b', measuredEnergyKwh: 2, uploadLine: 3 },
      { externalId: 'c', measuredEnergyKwh: 16, uploadLine: 6 },
    ]);
    const totals = await orgTotals(org.orgId);
    expect(u.totals?.facilityEnergyKwh).toBeCloseTo(totals.facilityEnergyKwh, 9);
    expect(u.totals?.locationKgCo2e).toBeCloseTo(totals.locationKgCo2e, 9);
  });

  test('an invalid first use still makes a later use a duplicate, as before', async () => {
    const invalidFirst = `${HEADER}z,training,2025-02-31,2025-03-02,1\nz,training,2025-04-01,2025-04-02,2\n`;
    const { upload: u } = await upload('invalid-first.csv', invalidFirst, true);
    expect(u.status).toBe('failed');
    const errors = (await getUploadErrorReport(org, u.id))?.errors ?? [];
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'started_at'],
      [3, 'record_id'],
    ]);
  });

  test('identical rows without record_id still collapse into one record', async () => {
    const row = 'training,2025-05-01,2025-05-02,3\n';
    const { upload: u } = await upload('same-rows.csv', `phase,started_at,ended_at,energy_kwh\n${row}${row}`);
    expect(u).toMatchObject({ status: 'completed', rowsAccepted: 2 });
    expect(u.replacement).toMatchObject({ created: 1, updated: 0 });
    expect(
      await getPrisma().usageRecord.count({
        where: { orgId: org.orgId, externalId: { startsWith: 'sha256:' } },
      }),
    ).toBe(1);
  });
});
