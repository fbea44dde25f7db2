import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TUserActor } from '@/lib/auth/actor';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { HEADER, row } from '../support/hostile-corpus';
import { createTestDatabase } from '../support/test-database';
import { chunksOf, createOrgWithEditor, orgTotals } from '../support/upload-fixtures';

// Through the real upload path: a file's totals do not depend on its row order, nor on splitting it into two
// uploads (without energy contracts; with contracts the market-based split is re-settled by a recompute).

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

const arbRow = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  hours: fc.integer({ min: 1, max: 500 }),
  region: fc.constantFrom('us-east-1', 'FR', 'DE', ''),
  energy: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
});

type TRow = { day: number; hours: number; region: string; energy: number | undefined };

const toLine = (r: TRow, i: number, run: number) =>
  row({
    record_id: `p${run}-${i}`,
    started_at: `2025-07-${String(r.day).padStart(2, '0')}T00:00:00Z`,
    ended_at: `2025-07-${String(r.day).padStart(2, '0')}T12:00:00Z`,
    region: r.region,
    provider: r.region === 'us-east-1' ? 'aws' : '',
    accelerator_hours: String(r.hours),
    energy_kwh: r.energy === undefined ? '' : String(r.energy),
  });

async function uploadLines(
  ctx: { orgId: string; userId: string; actor: TUserActor },
  name: string,
  lines: string[],
) {
  const { upload } = await ingestUpload(ctx, {
    fileName: name,
    chunks: chunksOf(`${HEADER}\n${lines.join('\n')}\n`, 1500),
    parse: {},
  });
  expect(upload.status).toBe('completed');
}

let run = 0;

test('totals are invariant to row order and to splitting a file into two uploads', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(arbRow, { minLength: 2, maxLength: 40 }).chain((rows) =>
        fc.tuple(
          fc.constant(rows),
          fc.shuffledSubarray(
            rows.map((_, i) => i),
            { minLength: rows.length },
          ),
          fc.integer({ min: 1, max: rows.length - 1 }),
        ),
      ),
      async ([rows, order, split]) => {
        run += 1;
        const lines = rows.map((r, i) => toLine(r, i, run));
        const [whole, shuffled, halves] = await Promise.all(
          ['Whole', 'Shuffled', 'Halves'].map((n) => createOrgWithEditor(`${n}${run}`)),
        );
        if (!whole || !shuffled || !halves) {
          throw new Error('organisations not created');
        }
        await uploadLines(whole, 'whole.csv', lines);
        await uploadLines(
          shuffled,
          'shuffled.csv',
          order.map((i) => lines[i] as string),
        );
        await uploadLines(halves, 'part-1.csv', lines.slice(0, split));
        await uploadLines(halves, 'part-2.csv', lines.slice(split));
        const expected = await orgTotals(whole.orgId);
        expect(expected.records).toBe(rows.length);
        for (const other of [shuffled, halves]) {
          const totals = await orgTotals(other.orgId);
          expect(totals.records).toBe(expected.records);
          expect(totals.facilityEnergyKwh).toBeCloseTo(expected.facilityEnergyKwh, 6);
          expect(totals.locationKgCo2e).toBeCloseTo(expected.locationKgCo2e, 6);
        }
      },
    ),
    { numRuns: 4 },
  );
});
