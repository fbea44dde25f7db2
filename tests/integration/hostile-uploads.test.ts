import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TUserActor } from '@/lib/auth/actor';
import { MAX_COLUMNS, MAX_ROW_CHARS } from '@/lib/ingest/limits';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { getUploadErrorReport } from '@/lib/server/usage/uploads/upload-queries';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import {
  BASELINE_CSV,
  BASELINE_RECORDS,
  HOSTILE_CORPUS,
  hugeLineChunks,
  utf8,
} from '../support/hostile-corpus';
import { createTestDatabase } from '../support/test-database';
import { chunksOf, createOrgWithEditor, orgTotals } from '../support/upload-fixtures';

// Every file of the hostile corpus goes through ingestUpload exactly as POST /api/v1/uploads calls it, and
// must end as a failed upload with a located error while the stored records stay exactly as they were.

let ctx: { orgId: string; userId: string; actor: TUserActor };

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  ctx = await createOrgWithEditor('Hostile');
  const { upload } = await ingestUpload(ctx, {
    fileName: 'baseline.csv',
    chunks: chunksOf(BASELINE_CSV),
    parse: {},
  });
  expect(upload.status).toBe('completed');
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

async function expectRejected(
  fileName: string,
  chunks: AsyncIterable<Uint8Array>,
  expected: { line: number; column: string | null; message: RegExp },
) {
  const before = await orgTotals(ctx.orgId);
  const completedBefore = await getPrisma().upload.count({
    where: { orgId: ctx.orgId, status: 'completed' },
  });
  const { upload } = await ingestUpload(ctx, { fileName, chunks, parse: {} });
  expect(upload.status).toBe('failed');
  expect(upload.rowsAccepted).toBe(0);
  const report = await getUploadErrorReport(ctx, upload.id);
  expect(report?.errors).toContainEqual({
    fileName,
    line: expected.line,
    column: expected.column,
    message: expect.stringMatching(expected.message),
  });
  expect(await orgTotals(ctx.orgId)).toEqual(before);
  expect(await getPrisma().upload.count({ where: { orgId: ctx.orgId, status: 'completed' } })).toBe(
    completedBefore,
  );
  expect(await getPrisma().usageRecord.count({ where: { uploadId: upload.id } })).toBe(0);
}

describe('hostile corpus through the upload path: clear error, nothing stored', () => {
  test.each(Object.entries(HOSTILE_CORPUS))('%s', async (name, entry) => {
    const bytes = typeof entry.text === 'string' ? utf8(entry.text) : entry.text;
    await expectRejected(`${name}.csv`, chunksOf(bytes, 4096), entry.expected);
  });

  test('a single 100 MB line fails at the row limit with bounded memory', async () => {
    global.gc?.();
    const baseHeap = process.memoryUsage().heapUsed;
    let peakHeap = baseHeap;
    const sampled = async function* () {
      for await (const chunk of hugeLineChunks(100 * 1024 * 1024)) {
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        yield chunk;
      }
    };
    await expectRejected('one-line.csv', sampled(), {
      line: 1,
      column: null,
      message: new RegExp(`longer than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters`),
    });
    // Holding the line would need ≥ 100 MB of heap; the parser stops keeping text at MAX_ROW_CHARS.
    expect(peakHeap - baseHeap).toBeLessThan(64 * 1024 * 1024);
  });

  test('a 100,000-column header is refused at the column limit', async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    await expectRejected('wide.csv', chunksOf(`${header}\n1,2,3\n`, 65_536), {
      line: 1,
      column: null,
      message: new RegExp(`100,000 columns; the limit is ${MAX_COLUMNS.toLocaleString('en-US')}`),
    });
  });
});

describe('Excel-export quirks that are valid input', () => {
  test('sep=; line, CRLF line ends and a UTF-8 BOM import like the plain file', async () => {
    const other = await createOrgWithEditor('Quirks');
    const excel = `\uFEFFsep=;\r\n${BASELINE_CSV.trimEnd()
      .split('\n')
      .map((line) => line.replaceAll(',', ';'))
      .join('\r\n')}\r\n`;
    const { upload } = await ingestUpload(other, {
      fileName: 'excel.csv',
      chunks: chunksOf(excel, 7),
      parse: {},
    });
    expect(upload.status).toBe('completed');
    const totals = await orgTotals(other.orgId);
    expect(totals.records).toBe(BASELINE_RECORDS);
    const plain = await orgTotals(ctx.orgId);
    expect(totals.facilityEnergyKwh).toBeCloseTo(plain.facilityEnergyKwh, 6);
  });
});
