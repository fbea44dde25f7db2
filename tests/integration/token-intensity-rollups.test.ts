import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TDateRange } from '@/lib/dashboard/date-range';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { findModelTokenIntensity } from '@/lib/server/insights/find-model-token-intensity';
import { findRollupMismatches } from '@/lib/server/rollups/rollup-check';
import { planRollupRead, type TReadPlan } from '@/lib/server/rollups/rollup-plan';
import { storeTestFactorSet } from '../support/factor-set-rows';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor } from '../support/upload-fixtures';

// Issue #21 follow-up (docs/decisions/ai-services.md AS46): the intensity per 1M tokens per model reads the rollups'
// token columns for whole local days and the raw records otherwise, with equal figures. An organisation in
// Europe/Berlin (UTC+1 in March) with three inference records:
//  - gpt-4o via OpenAI, 2026-03-01 22:00–24:00 UTC = 23:00–01:00 Berlin: half on 1 March, half on 2 March (local);
//    3,000,000 tokens (2,000,000 output), 4 kWh, 1.2 kg location, 0.8 kg market, 2 + 6 L water;
//  - llama-3-70b self-hosted, 2026-03-02 10:00–12:00 UTC: 1,000,000 tokens, 2 kWh, 0.6 kg, 0.5 kg, 1 + 1 L;
//  - llama-3-70b self-hosted without tokens (10 kWh, 5 kg): not part of any per-token figure.

const BERLIN = 'Europe/Berlin';
let orgId: string;
let client: pg.Client;

interface TRecord {
  id: string;
  model: string;
  service: string | null;
  from: string;
  to: string;
  tokens: number | null;
  outputTokens: number | null;
  kwh: number;
  location: number;
  market: number;
  waterOnsite: number;
  waterOffsite: number;
}

const RECORDS: TRecord[] = [
  {
    id: 'gpt',
    model: 'gpt-4o',
    service: 'openai',
    from: '2026-03-01T22:00:00Z',
    to: '2026-03-02T00:00:00Z',
    tokens: 3_000_000,
    outputTokens: 2_000_000,
    kwh: 4,
    location: 1.2,
    market: 0.8,
    waterOnsite: 2,
    waterOffsite: 6,
  },
  {
    id: 'llama',
    model: 'llama-3-70b',
    service: null,
    from: '2026-03-02T10:00:00Z',
    to: '2026-03-02T12:00:00Z',
    tokens: 1_000_000,
    outputTokens: null,
    kwh: 2,
    location: 0.6,
    market: 0.5,
    waterOnsite: 1,
    waterOffsite: 1,
  },
  {
    id: 'llama-no-tokens',
    model: 'llama-3-70b',
    service: null,
    from: '2026-03-02T13:00:00Z',
    to: '2026-03-02T15:00:00Z',
    tokens: null,
    outputTokens: null,
    kwh: 10,
    location: 5,
    market: 4,
    waterOnsite: 3,
    waterOffsite: 3,
  },
];

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  orgId = (await createOrgWithEditor('Tokens')).orgId;
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query('UPDATE organization SET time_zone = $2 WHERE id = $1', [orgId, BERLIN]);
  const setId = await storeTestFactorSet(client, orgId, {
    factors: [],
    methodologyVersion: 'test',
    assumptionFlags: [],
  });
  for (const r of RECORDS) {
    await client.query(
      `INSERT INTO usage_record (org_id, external_id, content_hash, phase, started_at, ended_at, model, device_hours,
         it_energy_kwh, facility_energy_kwh, pue_applied, intensity_g_co2e_per_kwh, intensity_source, basis,
         location_kg_co2e, market_kg_co2e, market_matched_kwh, embodied_kg_co2e, water_onsite_l, water_offsite_l,
         uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, tokens, output_tokens, is_measured, factor_set_id,
         computed_at, ai_service)
       VALUES ($1, $2, convert_to($2, 'UTF8'), 'inference', $3, $4, $5, 0, $6, $6, 1, 300, 'test', 'lifecycle', $7,
         $8, 0, 0, $9, $10, $7, $7, $11, $12, true, $13, now(), $14)`,
      [
        orgId,
        r.id,
        r.from,
        r.to,
        r.model,
        r.kwh,
        r.location,
        r.market,
        r.waterOnsite,
        r.waterOffsite,
        r.tokens,
        r.outputTokens,
        setId,
        r.service,
      ],
    );
  }
}, 120_000);

afterAll(async () => {
  await client.end();
  await getPrisma().$disconnect();
  await getPgPool().end();
});

/** Local midnights in Berlin: UTC+1 until 29 March 2026, UTC+2 (summer time) from then. */
const berlinMidnight = (day: string) =>
  new Date(`${day}T00:00:00${day >= '2026-03-29' ? '+02:00' : '+01:00'}`);
const berlinDays = (from: string, to: string): TDateRange => ({
  from: berlinMidnight(from),
  to: berlinMidnight(to),
  timeZone: BERLIN,
});

const read = (readPlan: TReadPlan, range: TDateRange, query = '') =>
  findModelTokenIntensity(
    { orgId, orgTimeZone: BERLIN, readPlan },
    parseDashboardFilters(new URLSearchParams(query)),
    range,
  );

/** Rollup and raw rows equal field by field (figures to 9 significant places, labels exactly). */
function expectSameRows(a: Awaited<ReturnType<typeof read>>, b: Awaited<ReturnType<typeof read>>): void {
  expect(a.map((r) => [r.model, r.service])).toEqual(b.map((r) => [r.model, r.service]));
  a.forEach((row, i) => {
    const other: Record<string, unknown> = { ...b[i] };
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === 'number') {
        expect(Math.abs(value - (other[key] as number))).toBeLessThan(1e-9 * Math.max(1, Math.abs(value)));
      } else {
        expect(other[key]).toEqual(value);
      }
    }
  });
}

describe('intensity per 1M tokens from rollups', () => {
  test('the rollup token columns equal the raw records', async () => {
    expect(await findRollupMismatches(client, orgId)).toEqual([]);
    // 1 March (Berlin) holds half of the gpt-4o record: 2 kWh, 0.4 kg market, 4 L, 1,000,000 output tokens.
    const { rows } = await client.query(
      `SELECT day::text AS day, model, token_facility_energy_kwh::float8 AS kwh, token_market_kg_co2e::float8 AS market,
              token_water_l::float8 AS water, output_tokens::float8 AS output
         FROM usage_rollup_daily WHERE org_id = $1 AND model = 'gpt-4o' ORDER BY day`,
      [orgId],
    );
    expect(rows).toEqual([
      { day: '2026-03-01', model: 'gpt-4o', kwh: 2, market: 0.4, water: 4, output: 1_000_000 },
      { day: '2026-03-02', model: 'gpt-4o', kwh: 2, market: 0.4, water: 4, output: 1_000_000 },
    ]);
    // The self-hosted row of 2 March counts both llama records, the token columns only the one with tokens.
    const llama = await client.query(
      `SELECT facility_energy_kwh::float8 AS kwh, token_facility_energy_kwh::float8 AS token_kwh
         FROM usage_rollup_monthly WHERE org_id = $1 AND model = 'llama-3-70b'`,
      [orgId],
    );
    expect(llama.rows).toEqual([{ kwh: 12, token_kwh: 2 }]);
  });

  test('one local day across the record boundary: hand figures, rollups = raw', async () => {
    const range = berlinDays('2026-03-02', '2026-03-03');
    expect(await planRollupRead({ orgId, orgTimeZone: BERLIN }, range)).not.toBeNull();
    const rollups = await read('rollups', range);
    // llama: 2,000 Wh / 1 M tokens; 600 g; 500 g; 2 L. gpt-4o (half inside): 2,000 Wh / 1.5 M tokens = 1,333.33 Wh,
    // 600 g / 1.5 = 400 g, 400 g / 1.5 = 266.67 g, 4 L / 1.5 = 2.667 L; per 1M output tokens (1 M inside): 2,000 Wh,
    // 600 g, 400 g, 4 L. Sorted by location g per 1M tokens, highest first.
    expect(rollups).toHaveLength(2);
    expect(rollups[0]).toMatchObject({
      model: 'llama-3-70b',
      service: null,
      energyWhPer1mOutputTokens: null,
    });
    expect(rollups[0]?.tokens).toBeCloseTo(1_000_000, 6);
    expect(rollups[0]?.energyKwh).toBeCloseTo(2, 9);
    expect(rollups[0]?.locationGCo2ePer1mTokens).toBeCloseTo(600, 6);
    expect(rollups[0]?.marketGCo2ePer1mTokens).toBeCloseTo(500, 6);
    expect(rollups[0]?.waterLPer1mTokens).toBeCloseTo(2, 9);
    expect(rollups[1]).toMatchObject({ model: 'gpt-4o', service: 'openai', serviceLabel: 'OpenAI API' });
    expect(rollups[1]?.tokens).toBeCloseTo(1_500_000, 6);
    expect(rollups[1]?.outputTokens).toBeCloseTo(1_000_000, 6);
    expect(rollups[1]?.energyWhPer1mTokens).toBeCloseTo(2000 / 1.5, 6);
    expect(rollups[1]?.locationGCo2ePer1mTokens).toBeCloseTo(400, 6);
    expect(rollups[1]?.marketGCo2ePer1mTokens).toBeCloseTo(400 / 1.5, 6);
    expect(rollups[1]?.waterLPer1mTokens).toBeCloseTo(4 / 1.5, 9);
    expect(rollups[1]?.energyWhPer1mOutputTokens).toBeCloseTo(2000, 6);
    expect(rollups[1]?.locationGCo2ePer1mOutputTokens).toBeCloseTo(600, 6);
    expect(rollups[1]?.marketGCo2ePer1mOutputTokens).toBeCloseTo(400, 6);
    expect(rollups[1]?.waterLPer1mOutputTokens).toBeCloseTo(4, 9);
    expectSameRows(rollups, await read('raw', range));
  });

  test('whole month (monthly rollups) and two days: the whole records, rollups = raw', async () => {
    for (const range of [berlinDays('2026-02-01', '2026-04-01'), berlinDays('2026-03-01', '2026-03-03')]) {
      const rollups = await read('rollups', range);
      const gpt = rollups.find((r) => r.model === 'gpt-4o');
      // All of gpt-4o: 3 M tokens, 2 M output, 4 kWh → 1,333.33 Wh per 1M tokens, 2,000 Wh per 1M output tokens.
      expect(gpt?.tokens).toBeCloseTo(3_000_000, 6);
      expect(gpt?.outputTokens).toBeCloseTo(2_000_000, 6);
      expect(gpt?.energyKwh).toBeCloseTo(4, 9);
      expect(gpt?.waterL).toBeCloseTo(8, 9);
      expect(gpt?.energyWhPer1mOutputTokens).toBeCloseTo(2000, 6);
      expectSameRows(rollups, await read('raw', range));
    }
  });

  test('filters narrow both sources alike; a range off local midnight reads raw records', async () => {
    const range = berlinDays('2026-03-01', '2026-03-03');
    const byService = await read('rollups', range, 'aiService=openai');
    expect(byService.map((r) => r.model)).toEqual(['gpt-4o']);
    expectSameRows(byService, await read('raw', range, 'aiService=openai'));
    expect(await read('rollups', range, 'phase=training')).toEqual([]);
    // 2 March 00:00–24:00 UTC is not a Berlin day: raw records, none of gpt-4o inside (it ends at 00:00 UTC).
    const utcDay = {
      from: new Date('2026-03-02T00:00:00Z'),
      to: new Date('2026-03-03T00:00:00Z'),
      timeZone: BERLIN,
    };
    expect(await planRollupRead({ orgId, orgTimeZone: BERLIN }, utcDay)).toBeNull();
    expect((await read('rollups', utcDay)).map((r) => r.model)).toEqual(['llama-3-70b']);
  });
});
