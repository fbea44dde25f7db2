import { readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { previousPeriod, resolveDateRange, type TDateRange } from '@/lib/dashboard/date-range';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { findSummary } from '@/lib/server/dashboard/api-summary';
import { findBreakdowns, findTopEmitters } from '@/lib/server/dashboard/dashboard-breakdowns';
import { getDashboardTotals } from '@/lib/server/dashboard/dashboard-totals';
import { findInferenceByModel, findTrendByPhase } from '@/lib/server/dashboard/dashboard-trends';
import { getPrisma } from '@/lib/server/db/prisma';
import { getQuarterAggregates } from '@/lib/server/reports/quarter-aggregates';
import { findRollupMismatches } from '@/lib/server/rollups/rollup-check';
import { planRollupRead, type TReadPlan } from '@/lib/server/rollups/rollup-plan';
import { recomputeOrganization } from '@/lib/server/usage/recompute';
import { expectSameFigures } from '../support/expect-same-figures';
import { closeRollupTestOrg, openRollupTestOrg } from '../support/rollup-test-org';

// The daily rollups (statement-level triggers on usage_record) must equal the raw records after every kind of
// write, and every dashboard/summary read must give the same figures from rollups as from raw records.

let orgId: string;
let client: pg.Client;

beforeAll(async () => {
  ({ orgId, client } = await openRollupTestOrg());
}, 180_000);

afterAll(async () => {
  await closeRollupTestOrg(client);
});

const expectExact = async () => expect(await findRollupMismatches(client)).toEqual([]);

/** Inserts copies of the org's records shifted and stretched (multi-day, zero-length, ending at midnight). */
async function insertVariants(suffix: string, startShift: string, duration: string, limit: number) {
  await client.query(
    `INSERT INTO usage_record (org_id, external_id, content_hash, phase, started_at, ended_at, team_id, project_id,
       model, provider, region, accelerator, grid_zone, requests, tokens, device_hours, it_energy_kwh,
       facility_energy_kwh, pue_applied, intensity_g_co2e_per_kwh, intensity_source, basis, location_kg_co2e,
       market_kg_co2e, market_matched_kwh, embodied_kg_co2e, water_onsite_l, water_offsite_l,
       uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, is_measured, factor_set_id, market_allocations,
       computed_at)
     SELECT org_id, external_id || $2, content_hash, phase, date_trunc('day', started_at) + $3::interval,
       date_trunc('day', started_at) + $3::interval + $4::interval, team_id, project_id, model, provider, region,
       accelerator, grid_zone, requests, tokens, device_hours, it_energy_kwh, facility_energy_kwh, pue_applied,
       intensity_g_co2e_per_kwh, intensity_source, basis, location_kg_co2e, market_kg_co2e, market_matched_kwh,
       embodied_kg_co2e, water_onsite_l, water_offsite_l, uncertainty_low_kg_co2e, uncertainty_high_kg_co2e,
       is_measured, factor_set_id, market_allocations, computed_at
       FROM usage_record WHERE org_id = $1 AND external_id NOT LIKE '%~%' ORDER BY external_id LIMIT $5`,
    [orgId, suffix, startShift, duration, limit],
  );
}

test('rollups equal raw sums after seed, inserts, updates, deletes and recompute', async () => {
  await expectExact();
  const before = Number((await client.query('SELECT COUNT(*) FROM usage_rollup_daily')).rows[0].count);
  expect(before).toBeGreaterThan(100);
  await insertVariants('~multi', '13 hours', '3 days 5 hours', 200);
  await insertVariants('~zero', '23 hours 59 minutes', '0 seconds', 50);
  await insertVariants('~midnight', '0 hours', '1 day', 50);
  await expectExact();
  // Updates that move records across days, teams and models, and change quantities.
  await client.query(
    `UPDATE usage_record SET started_at = started_at + interval '20 hours', ended_at = ended_at + interval '30 hours',
            location_kg_co2e = location_kg_co2e * 3, model = COALESCE(model, 'm') || '-v2', team_id = NULL
      WHERE org_id = $1 AND external_id LIKE '%~multi'`,
    [orgId],
  );
  await expectExact();
  await client.query(`DELETE FROM usage_record WHERE org_id = $1 AND external_id LIKE '%~zero'`, [orgId]);
  await client.query(`DELETE FROM usage_record WHERE org_id = $1 AND external_id LIKE '%~multi'`, [orgId]);
  await expectExact();
  // Deleting every variant leaves no stale rollup rows (rows nothing contributes to are removed).
  await client.query(`DELETE FROM usage_record WHERE org_id = $1 AND external_id LIKE '%~%'`, [orgId]);
  const after = Number((await client.query('SELECT COUNT(*) FROM usage_rollup_daily')).rows[0].count);
  expect(after).toBe(before);
  await recomputeOrganization({ orgId }, { reason: 'rollup test', now: new Date('2026-11-29T12:00:00Z') });
  await expectExact();
}, 120_000);

/** Sums of the rollup rows of one AI service (null = compute rows) for the organisation, daily and monthly. */
async function aiRollupSums(aiService: string | null) {
  const of = async (table: string) =>
    (
      await client.query(
        `SELECT COUNT(*)::int AS rows, COALESCE(SUM(record_starts), 0)::int AS starts,
                COALESCE(SUM(location_kg_co2e), 0)::float8 AS location, COALESCE(SUM(tokens), 0)::float8 AS tokens
           FROM ${table} WHERE org_id = $1 AND ai_service IS NOT DISTINCT FROM $2`,
        [orgId, aiService],
      )
    ).rows[0];
  return { daily: await of('usage_rollup_daily'), monthly: await of('usage_rollup_monthly') };
}

/** The usage_record columns the daily upsert reads (prisma/rollups/usage_rollup_daily.sql), ai_service aside. */
const UPSERT_COLUMNS = `x.org_id, x.phase, x.team_id, x.project_id, x.model, x.region, x.provider, x.accelerator,
  x.grid_zone, x.is_measured, x.requests, x.tokens, x.device_hours, x.it_energy_kwh, x.facility_energy_kwh,
  x.location_kg_co2e, x.market_kg_co2e, x.market_matched_kwh, x.embodied_kg_co2e, x.water_onsite_l,
  x.water_offsite_l, x.uncertainty_low_kg_co2e, x.uncertainty_high_kg_co2e, x.started_at, x.ended_at,
  x.output_tokens`;

test('an AI-service record has rollup rows of its own; the migration moves records counted before it', async () => {
  const computeBefore = await aiRollupSums(null);
  // A copy of one inference record (same days and every other dimension) that names an AI service.
  const { rows } = await client.query(
    `INSERT INTO usage_record (org_id, external_id, content_hash, phase, started_at, ended_at, team_id, project_id,
       model, provider, region, accelerator, grid_zone, requests, tokens, device_hours, it_energy_kwh,
       facility_energy_kwh, pue_applied, intensity_g_co2e_per_kwh, intensity_source, basis, location_kg_co2e,
       market_kg_co2e, market_matched_kwh, embodied_kg_co2e, water_onsite_l, water_offsite_l,
       uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, is_measured, factor_set_id, market_allocations,
       computed_at, ai_service, input_tokens, output_tokens)
     SELECT org_id, external_id || '~ai', content_hash, phase, started_at, ended_at, team_id, project_id, model,
       provider, region, accelerator, grid_zone, requests, 3000000, device_hours, it_energy_kwh, facility_energy_kwh,
       pue_applied, intensity_g_co2e_per_kwh, intensity_source, basis, location_kg_co2e, market_kg_co2e,
       market_matched_kwh, embodied_kg_co2e, water_onsite_l, water_offsite_l, uncertainty_low_kg_co2e,
       uncertainty_high_kg_co2e, is_measured, factor_set_id, market_allocations, computed_at, 'mistral', 2000000,
       1000000
       FROM usage_record WHERE org_id = $1 AND phase = 'inference' AND external_id NOT LIKE '%~%'
      ORDER BY external_id LIMIT 1
     RETURNING id, location_kg_co2e::float8 AS location`,
    [orgId],
  );
  const ai = rows[0] as { id: string; location: number };
  await expectExact();
  // Its own rows: one record starting once, its whole CO2e and tokens (day shares add up to 1) …
  const afterInsert = await aiRollupSums('mistral');
  expect(afterInsert.daily).toMatchObject({ starts: 1, tokens: 3_000_000 });
  expect(afterInsert.daily.location).toBeCloseTo(ai.location, 9);
  expect(afterInsert.monthly).toMatchObject({ starts: 1, tokens: 3_000_000 });
  expect(afterInsert.monthly.location).toBeCloseTo(ai.location, 9);
  // … and the compute rows are exactly as they were.
  expect(await aiRollupSums(null)).toEqual(computeBefore);

  // Before the migration every AI-service record (this one and the demo's API usage) was counted under ai_service
  // NULL: put the rollups back in that state (one signed upsert: out of its service, into NULL), then run the
  // migration's backfill block on them. ('mistral': a service the demo has no usage of, so the sums are this record's.)
  const only = 'FROM usage_record x WHERE x.ai_service IS NOT NULL';
  const servicesBefore = await client.query(
    `SELECT ai_service, SUM(location_kg_co2e)::float8 AS location FROM usage_rollup_monthly
      WHERE ai_service IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  await client.query(
    `DO $$ DECLARE dead BIGINT[]; BEGIN
       EXECUTE usage_rollup_upsert_sql('SELECT -1 AS sign, ${UPSERT_COLUMNS}, x.ai_service ${only}
         UNION ALL SELECT 1, ${UPSERT_COLUMNS}, NULL::text ${only}') INTO dead;
       DELETE FROM usage_rollup_daily WHERE id = ANY (dead);
     END $$`,
  );
  expect((await aiRollupSums('mistral')).daily.rows).toBe(0);
  expect((await findRollupMismatches(client)).length).toBeGreaterThan(0);
  const migration = readFileSync(
    path.resolve(
      import.meta.dirname,
      '../../prisma/migrations/20261207020000_rollup_ai_service/migration.sql',
    ),
    'utf8',
  );
  // The upsert of today also reads output_tokens (20261207040000_rollup_token_quantities): the replayed block's
  // column lists name it too.
  const block = migration
    .slice(migration.lastIndexOf('DO $$'))
    .replaceAll('x.ended_at,', 'x.ended_at, x.output_tokens,');
  await client.query(block);
  await expectExact();
  expect(await aiRollupSums('mistral')).toEqual(afterInsert);
  const servicesAfter = await client.query(
    `SELECT ai_service, SUM(location_kg_co2e)::float8 AS location FROM usage_rollup_monthly
      WHERE ai_service IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  expect(servicesAfter.rows).toEqual(servicesBefore.rows);
  expect(await aiRollupSums(null)).toEqual(computeBefore);

  // Deleting the record removes its rows at both levels.
  await client.query('DELETE FROM usage_record WHERE id = $1', [ai.id]);
  expect((await aiRollupSums('mistral')).daily.rows).toBe(0);
  expect((await aiRollupSums('mistral')).monthly.rows).toBe(0);
  await expectExact();
}, 120_000);

/** Per level, the sums of the token columns over the org (20261207040000_rollup_token_quantities). */
async function tokenColumnSums() {
  const sums = (table: string) => `SELECT SUM(token_facility_energy_kwh)::float8 AS kwh,
      SUM(token_market_kg_co2e)::float8 AS market, SUM(token_water_l)::float8 AS water,
      SUM(output_tokens)::float8 AS output FROM ${table} WHERE org_id = $1`;
  return {
    daily: (await client.query(sums('usage_rollup_daily'), [orgId])).rows[0],
    monthly: (await client.query(sums('usage_rollup_monthly'), [orgId])).rows[0],
  };
}

test('the token-quantities migration fills the new columns of rows rolled up before it', async () => {
  await expectExact();
  const before = await tokenColumnSums();
  // Independent figures: the same sums over the raw records with tokens.
  const { rows } = await client.query(
    `SELECT SUM(facility_energy_kwh) FILTER (WHERE tokens > 0)::float8 AS kwh,
            SUM(COALESCE(output_tokens, 0))::float8 AS output FROM usage_record WHERE org_id = $1`,
    [orgId],
  );
  expect(rows[0].kwh).toBeGreaterThan(0);
  expect(rows[0].output).toBeGreaterThan(0);
  expect(before.daily.kwh).toBeCloseTo(rows[0].kwh, 6);
  expect(before.monthly.output).toBeCloseTo(rows[0].output, 3);
  // Rows as the migration finds them: the new columns at their default 0 (the monthly trigger follows the update).
  await client.query(
    `UPDATE usage_rollup_daily SET token_facility_energy_kwh = 0, token_market_kg_co2e = 0, token_water_l = 0,
       output_tokens = 0`,
  );
  expect((await tokenColumnSums()).monthly.kwh).toBe(0);
  expect((await findRollupMismatches(client)).length).toBeGreaterThan(0);
  const migration = readFileSync(
    path.resolve(
      import.meta.dirname,
      '../../prisma/migrations/20261207040000_rollup_token_quantities/migration.sql',
    ),
    'utf8',
  );
  await client.query(migration.slice(migration.lastIndexOf('DO $$')));
  await expectExact();
  expect(await tokenColumnSums()).toEqual(before);
}, 120_000);

/** Every dashboard and summary read, from rollups and from raw records. */
async function readAll(readPlan: TReadPlan, range: TDateRange, filters = parseDashboardFilters({})) {
  const ctx = { orgId, readPlan };
  return {
    totals: await getDashboardTotals(ctx, filters, range),
    previous: await getDashboardTotals(ctx, filters, previousPeriod(range)),
    day: await findTrendByPhase(ctx, filters, range, 'day'),
    week: await findTrendByPhase(ctx, filters, range, 'week'),
    month: await findTrendByPhase(ctx, filters, range, 'month'),
    inference: await findInferenceByModel(ctx, filters, range, 'week'),
    breakdowns: await findBreakdowns(ctx, filters, range),
    emitters: await findTopEmitters(ctx, filters, range),
    byMonth: await findSummary(ctx, filters, range, 'month'),
    byTeam: await findSummary(ctx, filters, range, 'team'),
  };
}

async function expectRollupReadsEqualRaw(timeZone: string) {
  const now = new Date('2026-11-29T15:00:00Z');
  const cases: { filters: Record<string, string>; range: TDateRange }[] = [
    { filters: {}, range: resolveDateRange({ range: 'last_12_months' }, now, null, timeZone) },
    { filters: {}, range: resolveDateRange({ range: 'last_quarter' }, now, null, timeZone) },
    {
      filters: { phase: 'inference', provider: 'aws' },
      range: resolveDateRange({ range: 'custom', from: '2026-03-03', to: '2026-04-17' }, now, null, timeZone),
    },
    { filters: { team: 'research' }, range: resolveDateRange({ range: 'ytd' }, now, null, timeZone) },
  ];
  for (const c of cases) {
    const filters = parseDashboardFilters(c.filters);
    expect(await planRollupRead({ orgId }, c.range)).not.toBeNull();
    const fromRollups = await readAll('rollups', c.range, filters);
    const fromRaw = await readAll('raw', c.range, filters);
    expect(fromRaw.totals.records).toBeGreaterThan(0);
    expectSameFigures(fromRollups, fromRaw);
  }
  for (const key of ['2026-Q3', '2026-Q1', '2025']) {
    const fromRollups = await getQuarterAggregates({ orgId }, key);
    const fromRecords = await getQuarterAggregates({ orgId, readPlan: 'raw' }, key);
    expect(fromRecords.totals.records).toBeGreaterThan(0);
    expectSameFigures(fromRollups, fromRecords);
  }
}

test('dashboard, summary and report reads from rollups equal the raw-record reads (UTC organisation)', async () => {
  await expectRollupReadsEqualRaw('UTC');
}, 120_000);

test('changing the organisation time zone rebuilds its rollups in local days', async () => {
  await getPrisma().organization.update({ where: { id: orgId }, data: { timeZone: 'America/New_York' } });
  await expectExact();
  const { rows } = await client.query(
    `SELECT MIN(day)::text AS first FROM usage_rollup_daily WHERE org_id = $1`,
    [orgId],
  );
  const first = await client.query(
    `SELECT (MIN(started_at) AT TIME ZONE 'America/New_York')::date::text AS first FROM usage_record WHERE org_id = $1`,
    [orgId],
  );
  expect(rows[0].first).toBe(first.rows[0].first);
  await expectRollupReadsEqualRaw('America/New_York');
  // A UTC-midnight range no longer matches the organisation's calendar: the raw records answer it.
  const utcRange = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') };
  expect(await planRollupRead({ orgId }, utcRange)).toBeNull();
  await getPrisma().organization.update({ where: { id: orgId }, data: { timeZone: 'Asia/Kolkata' } });
  await expectExact();
}, 180_000);

test('the read plan is a per-call option: readPlan "raw" reads the records, the default reads the rollups', async () => {
  // Offset one daily rollup row by +1000 kg CO2e (the monthly rollup follows by trigger), so the two plans
  // differ by exactly that amount: the rollup plan must see it, the raw plan must not.
  const timeZone = 'UTC';
  await getPrisma().organization.update({ where: { id: orgId }, data: { timeZone } });
  const range = resolveDateRange(
    { range: 'custom', from: '2026-01-01', to: '2026-11-28' },
    new Date('2026-11-29T15:00:00Z'),
    null,
    timeZone,
  );
  const filters = parseDashboardFilters({});
  const days = await planRollupRead({ orgId }, range);
  expect(days).not.toBeNull();
  expect(await planRollupRead({ orgId, readPlan: 'raw' }, range)).toBeNull();
  const { rows } = await client.query(
    `SELECT id FROM usage_rollup_daily WHERE org_id = $1 AND day >= $2::date AND day < $3::date
      ORDER BY day LIMIT 1`,
    [orgId, days?.fromDay, days?.toDay],
  );
  expect(rows).toHaveLength(1);
  const before = await getDashboardTotals({ orgId, readPlan: 'raw' }, filters, range);
  await client.query(
    'UPDATE usage_rollup_daily SET location_kg_co2e = location_kg_co2e + 1000 WHERE id = $1',
    [rows[0].id],
  );
  try {
    // Both plans in flight at once: a per-call option cannot leak from one read into the other.
    const [fromRollups, fromRaw, defaultPlan] = await Promise.all([
      getDashboardTotals({ orgId, readPlan: 'rollups' }, filters, range),
      getDashboardTotals({ orgId, readPlan: 'raw' }, filters, range),
      getDashboardTotals({ orgId }, filters, range),
    ]);
    expect(fromRaw.values.locationKgCo2e).toBeCloseTo(before.values.locationKgCo2e, 6);
    expect(fromRollups.values.locationKgCo2e - fromRaw.values.locationKgCo2e).toBeCloseTo(1000, 6);
    expect(defaultPlan.values.locationKgCo2e).toBeCloseTo(fromRollups.values.locationKgCo2e, 6);
    const [reportRollups, reportRaw] = await Promise.all([
      getQuarterAggregates({ orgId }, '2026'),
      getQuarterAggregates({ orgId, readPlan: 'raw' }, '2026'),
    ]);
    expect(reportRollups.totals.locationKgCo2e - reportRaw.totals.locationKgCo2e).toBeCloseTo(1000, 6);
  } finally {
    await client.query(
      'UPDATE usage_rollup_daily SET location_kg_co2e = location_kg_co2e - 1000 WHERE id = $1',
      [rows[0].id],
    );
  }
  await expectExact();
}, 120_000);
