import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { TDateRange } from '@/lib/dashboard/date-range';
import { parseDashboardFilters, type TDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { PHASES, PROVIDERS } from '@/lib/schemas/usage-record';
import { findBreakdowns, findTopEmitters } from '@/lib/server/dashboard/dashboard-breakdowns';
import { findFilterOptions } from '@/lib/server/dashboard/dashboard-options';
import { getDashboardTotals } from '@/lib/server/dashboard/dashboard-totals';
import { findInferenceByModel, findTrendByPhase } from '@/lib/server/dashboard/dashboard-trends';
import { getPrisma } from '@/lib/server/db/prisma';
import { seedDemoOrganization } from '@/lib/server/demo/demo-seed';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { createTestDatabase } from '../support/test-database';

// Every dashboard aggregate must equal the sum over the underlying records (apportioned by time share),
// for random filter combinations; computed here in plain TypeScript from the rows.

let orgId: string;
let otherOrgId: string;

interface TRow {
  orgId: string;
  phase: string;
  startedAt: Date;
  endedAt: Date;
  model: string | null;
  region: string | null;
  provider: string | null;
  accelerator: string | null;
  isMeasured: boolean;
  locationKgCo2e: number;
  marketKgCo2e: number;
  facilityEnergyKwh: number;
  waterOnsiteL: number;
  waterOffsiteL: number;
  team: { slug: string } | null;
  project: { slug: string } | null;
}
let rows: TRow[];

beforeAll(async () => {
  const url = await createTestDatabase();
  process.env.DATABASE_URL = url;
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), url);
  const seeded = await seedDemoOrganization({ computedAt: new Date('2026-11-29T00:00:00Z') });
  orgId = seeded.orgId;
  // A second organisation with a copy of some demo records: it must never leak into the demo org's figures.
  const prisma = getPrisma();
  const other = await prisma.organization.create({ data: { name: 'Other Org', slug: 'other-org' } });
  otherOrgId = other.id;
  // Its own copies of the factor sets (sets are per organisation).
  await prisma.$executeRaw`
    INSERT INTO factor_set (org_id, hash, factors, methodology_version, assumption_flags)
    SELECT ${otherOrgId}::uuid, hash, factors, methodology_version, assumption_flags
      FROM factor_set WHERE org_id = ${orgId}::uuid`;
  await prisma.$executeRaw`
    INSERT INTO usage_record (org_id, external_id, content_hash, phase, started_at, ended_at, model, provider, region,
      accelerator, device_hours, it_energy_kwh, facility_energy_kwh, pue_applied, intensity_g_co2e_per_kwh,
      intensity_source, basis, location_kg_co2e, market_kg_co2e, market_matched_kwh, embodied_kg_co2e,
      water_onsite_l, water_offsite_l, uncertainty_low_kg_co2e, uncertainty_high_kg_co2e, is_measured,
      factor_set_id, market_allocations, computed_at)
    SELECT ${otherOrgId}::uuid, r.external_id, r.content_hash, r.phase, r.started_at, r.ended_at, r.model, r.provider,
      r.region, r.accelerator, r.device_hours, r.it_energy_kwh, r.facility_energy_kwh * 1000, r.pue_applied,
      r.intensity_g_co2e_per_kwh, r.intensity_source, r.basis, r.location_kg_co2e * 1000, r.market_kg_co2e,
      r.market_matched_kwh, r.embodied_kg_co2e, r.water_onsite_l, r.water_offsite_l, r.uncertainty_low_kg_co2e,
      r.uncertainty_high_kg_co2e, r.is_measured, o.id, r.market_allocations, r.computed_at
      FROM usage_record r
      JOIN factor_set s ON s.id = r.factor_set_id
      JOIN factor_set o ON o.org_id = ${otherOrgId}::uuid AND o.hash = s.hash
     WHERE r.org_id = ${orgId}::uuid LIMIT 500`;
  rows = (await prisma.usageRecord.findMany({
    where: { orgId },
    select: {
      orgId: true,
      phase: true,
      startedAt: true,
      endedAt: true,
      model: true,
      region: true,
      provider: true,
      accelerator: true,
      isMeasured: true,
      locationKgCo2e: true,
      marketKgCo2e: true,
      facilityEnergyKwh: true,
      waterOnsiteL: true,
      waterOffsiteL: true,
      team: { select: { slug: true } },
      project: { select: { slug: true } },
    },
  })) as TRow[];
}, 180_000);

afterAll(async () => {
  await getPrisma().$disconnect();
});

function share(r: TRow, lo: Date, hi: Date): number {
  const s = r.startedAt.getTime();
  const e = r.endedAt.getTime();
  if (e <= s) {
    return s >= lo.getTime() && s < hi.getTime() ? 1 : 0;
  }
  return Math.max(0, Math.min(e, hi.getTime()) - Math.max(s, lo.getTime())) / (e - s);
}

function matches(r: TRow, f: TDashboardFilters, range: TDateRange): boolean {
  const overlaps =
    r.startedAt < range.to &&
    (r.endedAt > range.from || (r.endedAt <= r.startedAt && r.startedAt >= range.from));
  return (
    overlaps &&
    (f.team.length === 0 || (r.team !== null && f.team.includes(r.team.slug))) &&
    (f.project.length === 0 || (r.project !== null && f.project.includes(r.project.slug))) &&
    (f.model.length === 0 || (r.model !== null && f.model.includes(r.model))) &&
    (f.phase.length === 0 || f.phase.includes(r.phase as never)) &&
    (f.region.length === 0 || (r.region !== null && f.region.includes(r.region))) &&
    (f.provider.length === 0 || (r.provider !== null && f.provider.includes(r.provider as never)))
  );
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));

test('the demo organisation is seeded and options come from it only', async () => {
  expect(rows.length).toBeGreaterThan(2000);
  const options = await findFilterOptions({ orgId });
  expect(options.team.map((t) => t.value).sort()).toEqual(['applied-ml', 'platform', 'research', 'search']);
  expect(options.provider.map((p) => p.value)).toEqual(
    expect.arrayContaining(['aws', 'gcp', 'azure', 'on_prem']),
  );
  // Regions read as places (lib/format/place-label.ts): the demo's cloud regions keep their code after the
  // provider's name, the on-premise cluster's DE and the AI services' mix zone USA are countries, never "Other".
  const regionLabel = (value: string) => options.region.find((o) => o.value === value)?.label;
  expect(regionLabel('europe-west9')).toBe('Google Cloud europe-west9');
  expect(regionLabel('us-east-1')).toBe('AWS us-east-1');
  expect(regionLabel('DE')).toBe('On-premise, Germany');
  expect(regionLabel('USA')).toBe('United States');
  const range = { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z') };
  const regionBars = (await findBreakdowns({ orgId }, parseDashboardFilters({}), range)).filter(
    (b) => b.dimension === 'region',
  );
  expect(regionBars.find((b) => b.key === 'USA')?.label).toBe('United States');
  expect(regionBars.find((b) => b.key === 'swedencentral')?.label).toBe('Azure swedencentral');
  const otherOptions = await findFilterOptions({ orgId: otherOrgId });
  expect(otherOptions.team).toEqual([]);
});

test('totals, trend, breakdowns and emitters equal the sums over the records for random filters', async () => {
  const teams = ['research', 'applied-ml', 'platform', 'search'];
  const models = [...new Set(rows.map((r) => r.model).filter((m): m is string => m !== null))];
  const regions = [...new Set(rows.map((r) => r.region).filter((m): m is string => m !== null))];
  const projects = [...new Set(rows.map((r) => r.project?.slug).filter((m): m is string => !!m))];
  // Each dimension is unfiltered 3 times in 4, so most combinations still select records.
  const maybe = (values: readonly string[], maxLength: number) =>
    fc.oneof(
      { arbitrary: fc.constant([] as string[]), weight: 3 },
      { arbitrary: fc.subarray([...values], { minLength: 1, maxLength }), weight: 1 },
    );
  const arbitrary = fc.record({
    team: maybe(teams, 2),
    project: maybe(projects, 3),
    model: maybe(models, 3),
    phase: maybe(PHASES, 3),
    region: maybe(regions, 2),
    provider: maybe(PROVIDERS, 3),
    fromDay: fc.integer({ min: 0, max: 540 }),
    lengthDays: fc.integer({ min: 1, max: 400 }),
  });
  let nonEmpty = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (a) => {
      const from = new Date(Date.UTC(2025, 3, 20) + a.fromDay * 86_400_000);
      const range = { from, to: new Date(from.getTime() + a.lengthDays * 86_400_000) };
      const filters = parseDashboardFilters({
        team: a.team,
        project: a.project,
        model: a.model,
        phase: a.phase,
        region: a.region,
        provider: a.provider,
      });
      const ctx = { orgId };
      const selected = rows.filter((r) => matches(r, filters, range));
      nonEmpty += selected.length > 0 ? 1 : 0;
      const w = (r: TRow) => share(r, range.from, range.to);
      const expectedLocation = sum(selected.map((r) => r.locationKgCo2e * w(r)));

      const totals = await getDashboardTotals(ctx, filters, range);
      expect(totals.records).toBe(selected.length);
      close(totals.values.locationKgCo2e, expectedLocation);
      close(totals.values.marketKgCo2e, sum(selected.map((r) => r.marketKgCo2e * w(r))));
      close(totals.values.facilityEnergyKwh, sum(selected.map((r) => r.facilityEnergyKwh * w(r))));
      close(totals.values.waterL, sum(selected.map((r) => (r.waterOnsiteL + r.waterOffsiteL) * w(r))));
      close(
        totals.measured.locationKgCo2e,
        sum(selected.filter((r) => r.isMeasured).map((r) => r.locationKgCo2e * w(r))),
      );

      for (const bucket of ['day', 'week', 'month'] as const) {
        const trend = await findTrendByPhase(ctx, filters, range, bucket);
        close(sum(trend.map((p) => p.locationKgCo2e)), expectedLocation);
        close(sum(trend.map((p) => p.waterL)), totals.values.waterL);
      }
      const inference = await findInferenceByModel(ctx, filters, range, 'month');
      close(
        sum(inference.map((p) => p.locationKgCo2e)),
        sum(selected.filter((r) => r.phase === 'inference' && r.model).map((r) => r.locationKgCo2e * w(r))),
      );

      const breakdowns = await findBreakdowns(ctx, filters, range);
      for (const dim of ['team', 'project', 'model', 'region', 'accelerator', 'provider'] as const) {
        close(
          sum(breakdowns.filter((b) => b.dimension === dim).map((b) => b.locationKgCo2e)),
          expectedLocation,
        );
      }
      const byTeam = breakdowns.filter((b) => b.dimension === 'team' && b.key === 'research');
      close(
        sum(byTeam.map((b) => b.locationKgCo2e)),
        sum(selected.filter((r) => r.team?.slug === 'research').map((r) => r.locationKgCo2e * w(r))),
      );

      const emitters = await findTopEmitters(ctx, filters, range);
      expect(emitters.length).toBeLessThanOrEqual(10);
      for (const e of emitters.filter((x) => x.kind === 'deployment')) {
        close(
          e.locationKgCo2e,
          sum(
            selected
              .filter((r) => r.phase === 'inference' && r.model === e.key)
              .map((r) => r.locationKgCo2e * w(r)),
          ),
        );
      }
    }),
    { numRuns: 40, seed: 20261129 },
  );
  // The property must have exercised real data, not only empty selections.
  expect(nonEmpty).toBeGreaterThanOrEqual(15);
}, 180_000);

test('a second organisation never sees the demo records and vice versa', async () => {
  const filters = parseDashboardFilters({});
  const range = { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z') };
  const demo = await getDashboardTotals({ orgId }, filters, range);
  const other = await getDashboardTotals({ orgId: otherOrgId }, filters, range);
  expect(demo.records).toBe(rows.length);
  expect(other.records).toBe(500);
  close(demo.values.locationKgCo2e, sum(rows.map((r) => r.locationKgCo2e)));
  const breakdowns = await findBreakdowns({ orgId: otherOrgId }, filters, range);
  expect(breakdowns.filter((b) => b.dimension === 'team').map((b) => b.key)).toEqual([null]);
  const demoTeam = await getDashboardTotals(
    { orgId: otherOrgId },
    parseDashboardFilters({ team: 'research' }),
    range,
  );
  expect(demoTeam.records).toBe(0);
});
