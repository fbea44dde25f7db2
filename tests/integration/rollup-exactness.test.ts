import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TUserActor } from '@/lib/auth/actor';
import { USAGE_RECORD_RANGES } from '@/lib/schemas/usage-record';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { findRollupMismatches } from '@/lib/server/rollups/rollup-check';
import { deleteUpload } from '@/lib/server/usage/uploads/delete-upload';
import { ingestUpload } from '@/lib/server/usage/uploads/uploads';
import { storeTestFactorSet } from '../support/factor-set-rows';
import { createTestDatabase } from '../support/test-database';
import { chunksOf, createOrgWithEditor } from '../support/upload-fixtures';

// Issue #17 item 5: rollups stay equal to the raw records (the project's rollup check, lib/server/rollups/rollup-check.ts,
// tolerance 1e-9 relative with an absolute floor of 1e-9) under any sequence of adds and deletes mixing the
// largest and the tiniest values the record schema allows. Float8 running sums lost the small values: 1 kWh
// next to 1e17 kWh, then deleting the large record, left 0.

let ctx: { orgId: string; userId: string; actor: TUserActor };
let client: pg.Client;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  ctx = await createOrgWithEditor('Exact');
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
}, 120_000);

afterAll(async () => {
  await client.end();
  await getPrisma().$disconnect();
  await getPgPool().end();
});

const MAX_KWH = USAGE_RECORD_RANGES.energyKwh.max;
const MAX_PUE = USAGE_RECORD_RANGES.pue.max;
// kg CO2e per kWh at the largest grid intensity override (5,000 g/kWh).
const MAX_KG_PER_KWH = USAGE_RECORD_RANGES.carbonIntensityGPerKwh.max / 1000;

/** One record's stored quantities for an IT energy `kwh` (the largest factors the schema allows). */
function quantities(kwh: number, tokens: number) {
  const facility = kwh * MAX_PUE;
  const location = facility * MAX_KG_PER_KWH;
  return {
    it_energy_kwh: kwh,
    facility_energy_kwh: facility,
    location_kg_co2e: location,
    market_kg_co2e: location * 0.7,
    embodied_kg_co2e: location * 0.1,
    water_onsite_l: facility * USAGE_RECORD_RANGES.wueLPerKwh.max,
    tokens,
  };
}

interface TOp {
  kind: 'add' | 'delete';
  /** add: IT energy (kWh), tokens, start day offset (0–2), duration hours (0–72); delete: which live record. */
  kwh: number;
  tokens: number;
  day: number;
  hours: number;
  pick: number;
  /** add: how many copies in one INSERT statement (the trigger sums a statement's records together). */
  copies: number;
  /** add: third-party AI service (issue #21; its own rollup rows beside the compute rows of the same key), or null. */
  aiService: string | null;
}

const tiny = fc.double({ min: 1e-9, max: 1e-3, noNaN: true });
const large = fc.double({ min: 1e6, max: MAX_KWH, noNaN: true });
const arbOp: fc.Arbitrary<TOp> = fc.record({
  kind: fc.constantFrom('add', 'add', 'delete'),
  kwh: fc.oneof(tiny, large, fc.constant(MAX_KWH)),
  tokens: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 1000 }),
    fc.constant(USAGE_RECORD_RANGES.tokens.max),
  ),
  day: fc.integer({ min: 0, max: 2 }),
  hours: fc.constantFrom(0, 1, 30, 72),
  pick: fc.nat(),
  copies: fc.integer({ min: 1, max: 3 }),
  aiService: fc.constantFrom(null, null, 'openai', 'anthropic'),
});

let serial = 0;

async function add(op: TOp): Promise<void> {
  const q = quantities(op.kwh, op.tokens);
  const ids = Array.from({ length: op.copies }, () => `p-${serial++}`);
  await client.query(
    `INSERT INTO usage_record (org_id, external_id, content_hash, phase, started_at, ended_at, device_hours,
       it_energy_kwh, facility_energy_kwh, pue_applied, intensity_g_co2e_per_kwh, intensity_source, basis,
       location_kg_co2e, market_kg_co2e, market_matched_kwh, embodied_kg_co2e, water_onsite_l, water_offsite_l,
       uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, tokens, is_measured, factor_set_id, computed_at, ai_service)
     SELECT $1, id, convert_to(id, 'UTF8'), 'inference', ts, ts + make_interval(hours => $4), 0, $5::float8, $6::float8, 5, 5000,
       'test', 'lifecycle', $7::float8, $8::float8, 0, $9::float8, $10::float8, 0, $7::float8 * 0.5,
       $7::float8 * 2, $11::float8, true, $12::bigint, now(), $13::text
       FROM unnest($2::text[]) AS id, (SELECT timestamptz '2026-03-01 13:00:00+00' + make_interval(days => $3)) AS t(ts)`,
    [
      ctx.orgId,
      ids,
      op.day,
      op.hours,
      q.it_energy_kwh,
      q.facility_energy_kwh,
      q.location_kg_co2e,
      q.market_kg_co2e,
      q.embodied_kg_co2e,
      q.water_onsite_l,
      q.tokens,
      await storeTestFactorSet(client, ctx.orgId, {
        factors: [],
        methodologyVersion: 'test',
        assumptionFlags: [],
      }),
      op.aiService,
    ],
  );
}

async function remove(op: TOp): Promise<void> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM usage_record WHERE org_id = $1 ORDER BY external_id`,
    [ctx.orgId],
  );
  const victim = rows[op.pick % Math.max(1, rows.length)];
  if (victim) {
    await client.query('DELETE FROM usage_record WHERE id = $1', [victim.id]);
  }
}

describe('rollups equal raw records under adds and deletes of extreme in-range values', () => {
  test('the issue scenario, within the ranges: 0.001 kWh, then 1e10 kWh the same day, then delete the large one', async () => {
    const base = { tokens: 0, day: 0, hours: 1, pick: 0, copies: 1, kind: 'add' as const, aiService: null };
    await add({ ...base, kwh: 0.001 });
    await add({ ...base, kwh: MAX_KWH });
    await client.query(`DELETE FROM usage_record WHERE org_id = $1 AND it_energy_kwh = $2`, [
      ctx.orgId,
      MAX_KWH,
    ]);
    // Raw: one record of 0.001 kWh IT energy (0.005 kWh facility at PUE 5, 0.025 kg CO2e at 5,000 g/kWh).
    const { rows } = await client.query(
      `SELECT SUM(it_energy_kwh)::float8 AS it, SUM(location_kg_co2e)::float8 AS loc FROM usage_rollup_daily WHERE org_id = $1`,
      [ctx.orgId],
    );
    expect(Number(rows[0].it)).toBeCloseTo(0.001, 12);
    expect(Number(rows[0].loc)).toBeCloseTo(0.025, 12);
    expect(await findRollupMismatches(client, ctx.orgId)).toEqual([]);
    await client.query('DELETE FROM usage_record WHERE org_id = $1', [ctx.orgId]);
  });

  test('property: any sequence of adds (several per statement) and deletes keeps the rollup check clean', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbOp, { minLength: 1, maxLength: 12 }), async (ops) => {
        await client.query('DELETE FROM usage_record WHERE org_id = $1', [ctx.orgId]);
        for (const op of ops) {
          await (op.kind === 'add' ? add(op) : remove(op));
        }
        expect(await findRollupMismatches(client, ctx.orgId)).toEqual([]);
      }),
      { numRuns: 40, seed: 17 },
    );
  }, 300_000);

  test('through the upload path: upload 1 kWh, upload 1e10 kWh, delete the second upload → rollups = raw', async () => {
    await client.query('DELETE FROM usage_record WHERE org_id = $1', [ctx.orgId]);
    const csv = (kwh: string) =>
      `phase,started_at,ended_at,region,energy_kwh,pue,carbon_intensity_g_per_kwh\ninference,2026-03-01T10:00:00Z,2026-03-01T11:00:00Z,FR,${kwh},5,5000\n`;
    const small = await ingestUpload(ctx, {
      fileName: 'small.csv',
      chunks: chunksOf(csv('0.000001')),
      parse: {},
    });
    const big = await ingestUpload(ctx, {
      fileName: 'big.csv',
      chunks: chunksOf(csv('10000000000')),
      parse: {},
    });
    expect([small.upload.status, big.upload.status]).toEqual(['completed', 'completed']);
    await deleteUpload(ctx, big.upload.id);
    const { rows } = await client.query(
      `SELECT SUM(it_energy_kwh)::float8 AS it FROM usage_rollup_daily WHERE org_id = $1`,
      [ctx.orgId],
    );
    expect(Number(rows[0].it)).toBeCloseTo(0.000001, 15);
    expect(await findRollupMismatches(client, ctx.orgId)).toEqual([]);
  });
});
