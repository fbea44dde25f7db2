import type pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { resolveDateRange, type TDateRange } from '@/lib/dashboard/date-range';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { findSummary } from '@/lib/server/dashboard/api-summary';
import { findBreakdowns, findTopEmitters } from '@/lib/server/dashboard/dashboard-breakdowns';
import { getDashboardTotals } from '@/lib/server/dashboard/dashboard-totals';
import { findInferenceByModel, findTrendByPhase } from '@/lib/server/dashboard/dashboard-trends';
import { getPrisma } from '@/lib/server/db/prisma';
import { findRollupMismatches } from '@/lib/server/rollups/rollup-check';
import type { TReadPlan } from '@/lib/server/rollups/rollup-plan';
import { expectSameFigures } from '../support/expect-same-figures';
import { closeRollupTestOrg, openRollupTestOrg } from '../support/rollup-test-org';

// The monthly rollups (maintained from usage_rollup_daily) and the top-emitter run bounds (usage_run_bound):
// exact after every kind of write, and the bounded top-emitter query equals the unbounded raw one, including
// runs crossing the range start, a run far longer than the usual, a run larger than every deployment, its
// deletion (the bound is grow-only), and a time-zone change.

let orgId: string;
let client: pg.Client;
const NOW = new Date('2026-11-29T15:00:00Z');

beforeAll(async () => {
  ({ orgId, client } = await openRollupTestOrg());
}, 180_000);

afterAll(async () => {
  await closeRollupTestOrg(client);
});

const expectExact = async () => expect(await findRollupMismatches(client)).toEqual([]);

/** Copies one training record of the org as a new run with the given start, duration and CO2e factor. */
async function insertRun(externalId: string, startedAt: string, duration: string, co2eFactor: number) {
  await client.query(
    `INSERT INTO usage_record (org_id, external_id, content_hash, phase, started_at, ended_at, team_id, project_id,
       model, provider, region, accelerator, grid_zone, requests, tokens, device_hours, it_energy_kwh,
       facility_energy_kwh, pue_applied, intensity_g_co2e_per_kwh, intensity_source, basis, location_kg_co2e,
       market_kg_co2e, market_matched_kwh, embodied_kg_co2e, water_onsite_l, water_offsite_l,
       uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, is_measured, factor_set_id, market_allocations,
       computed_at)
     SELECT org_id, $2, content_hash, 'training', $3::timestamptz, $3::timestamptz + $4::interval, team_id,
       project_id, model, provider, region, accelerator, grid_zone, requests, tokens, device_hours, it_energy_kwh,
       facility_energy_kwh, pue_applied, intensity_g_co2e_per_kwh, intensity_source, basis, location_kg_co2e * $5,
       market_kg_co2e * $5, market_matched_kwh, embodied_kg_co2e, water_onsite_l, water_offsite_l,
       uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, is_measured, factor_set_id, market_allocations,
       computed_at
       FROM usage_record WHERE org_id = $1 AND phase = 'training' ORDER BY external_id LIMIT 1`,
    [orgId, externalId, startedAt, duration, co2eFactor],
  );
}

/** Dashboard reads that use the monthly rollups or the run bounds, from rollups and from raw records. */
async function expectReadsEqualRaw(range: TDateRange, filters = parseDashboardFilters({})) {
  const read = async (readPlan: TReadPlan) => {
    const ctx = { orgId, readPlan };
    return {
      emitters: await findTopEmitters(ctx, filters, range),
      emitters3: await findTopEmitters(ctx, filters, range, 3),
      totals: await getDashboardTotals(ctx, filters, range),
      month: await findTrendByPhase(ctx, filters, range, 'month'),
      inference: await findInferenceByModel(ctx, filters, range, 'month'),
      breakdowns: await findBreakdowns(ctx, filters, range),
      byMonth: await findSummary(ctx, filters, range, 'month'),
      byModel: await findSummary(ctx, filters, range, 'model'),
    };
  };
  const fromRollups = await read('rollups');
  const fromRaw = await read('raw');
  expect(fromRaw.totals.records).toBeGreaterThan(0);
  expectSameFigures(fromRollups, fromRaw);
  return fromRollups;
}

const ranges = (timeZone: string) => [
  resolveDateRange({ range: 'last_12_months' }, NOW, null, timeZone),
  resolveDateRange({ range: 'last_quarter' }, NOW, null, timeZone),
  // Partial edge months on both sides of three whole months.
  resolveDateRange({ range: 'custom', from: '2026-03-03', to: '2026-07-17' }, NOW, null, timeZone),
  resolveDateRange({ range: 'ytd' }, NOW, null, timeZone),
];

test('monthly rollups and run bounds are built by the migration and exact after writes', async () => {
  await expectExact();
  const monthly = await client.query(
    'SELECT COUNT(*)::int AS n FROM usage_rollup_monthly WHERE org_id = $1',
    [orgId],
  );
  const daily = await client.query('SELECT COUNT(*)::int AS n FROM usage_rollup_daily WHERE org_id = $1', [
    orgId,
  ]);
  expect(monthly.rows[0].n).toBeGreaterThan(0);
  expect(monthly.rows[0].n).toBeLessThan(daily.rows[0].n);
  // A tampered month row is caught by the checker, and the rebuild repairs it.
  await client.query(
    'UPDATE usage_rollup_monthly SET location_kg_co2e = location_kg_co2e + 1 WHERE id = (SELECT MIN(id) FROM usage_rollup_monthly)',
  );
  expect((await findRollupMismatches(client)).map((m) => m.column)).toContain('monthly:location_kg_co2e');
  await client.query('SELECT usage_rollup_monthly_rebuild($1)', [orgId]);
  await expectExact();
}, 60_000);

test('top emitters and monthly reads equal the raw records with edge-case runs (UTC)', async () => {
  for (const range of ranges('UTC')) {
    await expectReadsEqualRaw(range);
  }
  const range = resolveDateRange({ range: 'last_12_months' }, NOW, null, 'UTC');
  // A 90-day run crossing the range start (far longer than any other run), bigger than every deployment.
  const crossStart = new Date(range.from.getTime() - 40 * 86_400_000).toISOString();
  await insertRun('edge~long-cross-start', crossStart, '90 days', 1e6);
  // Many ordinary runs crossing the range start by an hour, and a zero-length run exactly at the start.
  await insertRun('edge~short-cross', new Date(range.from.getTime() - 1_800_000).toISOString(), '1 hour', 50);
  await insertRun('edge~zero-at-start', range.from.toISOString(), '0 seconds', 1e5);
  // A run ending exactly at the range start: outside the range.
  await insertRun(
    'edge~ends-at-start',
    new Date(range.from.getTime() - 3_600_000).toISOString(),
    '1 hour',
    1e7,
  );
  await expectExact();
  const withRuns = await expectReadsEqualRaw(range);
  expect(withRuns.emitters[0]?.kind).toBe('run');
  for (const r of ranges('UTC')) {
    await expectReadsEqualRaw(r);
    await expectReadsEqualRaw(r, parseDashboardFilters({ phase: 'training' }));
    await expectReadsEqualRaw(r, parseDashboardFilters({ team: 'research' }));
  }
  const long = await client.query(
    `SELECT id::text FROM usage_record WHERE org_id = $1 AND external_id = 'edge~long-cross-start'`,
    [orgId],
  );
  const longId = long.rows[0].id as string;
  expect(withRuns.emitters.map((e) => e.key)).toContain(longId);
  // Deleting the long run leaves its (grow-only) bound in place: still correct, only less selective.
  await client.query(`DELETE FROM usage_record WHERE id = $1::uuid`, [longId]);
  await expectExact();
  const after = await expectReadsEqualRaw(range);
  expect(after.emitters.map((e) => e.key)).not.toContain(longId);
  // Updates move runs to other days and raise their CO2e: the bound follows.
  await client.query(
    `UPDATE usage_record SET started_at = started_at - interval '400 days', ended_at = ended_at + interval '10 days',
            location_kg_co2e = location_kg_co2e * 1000 WHERE org_id = $1 AND external_id = 'edge~short-cross'`,
    [orgId],
  );
  await expectExact();
  for (const r of ranges('UTC')) {
    await expectReadsEqualRaw(r);
  }
  // An exact rebuild shrinks the bounds back to the records.
  await client.query('SELECT usage_run_bound_rebuild($1)', [orgId]);
  await expectExact();
  await expectReadsEqualRaw(range);
}, 240_000);

test('a time-zone change rebuilds the monthly rollups in local months (America/New_York)', async () => {
  await getPrisma().organization.update({ where: { id: orgId }, data: { timeZone: 'America/New_York' } });
  await expectExact();
  for (const range of ranges('America/New_York')) {
    await expectReadsEqualRaw(range);
    await expectReadsEqualRaw(range, parseDashboardFilters({ phase: 'inference', provider: 'aws' }));
  }
}, 240_000);

test('deleting the organisation removes its monthly rollups and run bounds', async () => {
  await client.query('DELETE FROM organization WHERE id = $1', [orgId]);
  for (const table of ['usage_rollup_daily', 'usage_rollup_monthly', 'usage_run_bound']) {
    const { rows } = await client.query(`SELECT COUNT(*)::int AS n FROM ${table} WHERE org_id = $1`, [orgId]);
    expect(rows[0].n, table).toBe(0);
  }
}, 120_000);
