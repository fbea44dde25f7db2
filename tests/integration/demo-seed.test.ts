import { beforeAll, expect, test } from 'vitest';
import { resolveDateRange } from '@/lib/dashboard/date-range';
import { buildModelFamilies } from '@/lib/dashboard/model-families';
import { calendarPeriod } from '@/lib/emissions/calendar-periods';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { ZRecordsQuery } from '@/lib/schemas/records-query';
import { findBreakdowns } from '@/lib/server/dashboard/dashboard-breakdowns';
import { getDataSpan } from '@/lib/server/dashboard/emission-summaries';
import { findLifecycleInputs } from '@/lib/server/dashboard/model-lifecycle';
import { getPrisma } from '@/lib/server/db/prisma';
import { DEMO_ORG_SLUG } from '@/lib/server/demo/demo-seed';
import { DEMO_TARGET } from '@/lib/server/demo/demo-targets-seed';
import { getQuarterAggregates } from '@/lib/server/reports/quarter-aggregates';
import { findBudgetBurnDowns } from '@/lib/server/targets/budget-burn-downs';
import { findBudgets } from '@/lib/server/targets/budgets';
import { sumEmissionsInWindows } from '@/lib/server/targets/target-sums';
import { findTargets } from '@/lib/server/targets/targets';
import { findModelLineages } from '@/lib/server/usage/model-lineages';
import { storeAiUsage } from '@/lib/server/usage/store-ai-usage';
import { findUsageRecordsPage } from '@/lib/server/usage/usage-record-list';
import { prepareDatabase } from '../../scripts/db/prepare-database';
import { createTestDatabase } from '../support/test-database';

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await prepareDatabase({ seed: 'if-empty', log: () => {} });
});

test('[seed] the demo organisation has 18 months, every role, 3+ cloud regions and an on-prem cluster', async () => {
  const prisma = getPrisma();
  const org = await prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
  const roles = await prisma.membership.findMany({ where: { orgId: org.id }, select: { role: true } });
  expect(roles.map((r) => r.role).sort()).toEqual(['admin', 'auditor', 'editor', 'owner', 'viewer']);
  expect(await prisma.team.count({ where: { orgId: org.id } })).toBe(4);
  const months = await prisma.$queryRaw<{ n: number }[]>`
    SELECT COUNT(DISTINCT date_trunc('month', started_at))::int AS n FROM usage_record WHERE org_id = ${org.id}::uuid`;
  expect(months[0]?.n).toBe(18);
  const providers = await prisma.usageRecord.groupBy({
    by: ['provider'],
    where: { orgId: org.id },
    _count: true,
  });
  // 'other': the OpenAI and Anthropic APIs run on no cloud of ours (`cloudOfService`), as an upload of them would.
  expect(providers.map((p) => p.provider).sort()).toEqual(['aws', 'azure', 'gcp', 'on_prem', 'other']);
  const zones = await prisma.usageRecord.groupBy({
    by: ['gridZone'],
    where: { orgId: org.id, provider: { not: 'on_prem' } },
  });
  expect(zones.filter((z) => z.gridZone).length).toBeGreaterThanOrEqual(3);
  // Very different grids: the cleanest and dirtiest zones differ by more than 5x.
  const intensity = await prisma.usageRecord.groupBy({
    by: ['gridZone'],
    where: { orgId: org.id },
    _avg: { intensityGCo2ePerKwh: true },
  });
  const values = intensity.map((z) => z._avg.intensityGCo2ePerKwh ?? 0).filter((v) => v > 0);
  expect(Math.max(...values) / Math.min(...values)).toBeGreaterThan(5);
  // Market-based is below location-based somewhere: the demo energy contracts are matched.
  const totals = await prisma.usageRecord.aggregate({
    where: { orgId: org.id },
    _sum: { locationKgCo2e: true, marketKgCo2e: true },
  });
  expect(totals._sum.marketKgCo2e).toBeLessThan(totals._sum.locationKgCo2e ?? 0);
});

test('[seed] 12 months of OpenAI and Anthropic API usage: a visible minority, in the records explorer and model breakdown', async () => {
  const prisma = getPrisma();
  const org = await prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
  const ctx = { orgId: org.id };
  const ai = await prisma.usageRecord.groupBy({
    by: ['aiService', 'model'],
    where: { orgId: org.id, aiService: { not: null } },
    _count: true,
    _min: { startedAt: true },
    _max: { endedAt: true },
  });
  expect(ai.map((g) => `${g.aiService}/${g.model}`).sort()).toEqual([
    'anthropic/claude-haiku-4-5-20251001',
    'anthropic/claude-sonnet-4-5-20250929',
    'openai/gpt-4o',
    'openai/gpt-4o-mini',
  ]);
  for (const group of ai) {
    // One row a day from 1 Nov 2025 to 31 Oct 2026: 365 days (no 29 February in between).
    expect(group._count).toBe(365);
    expect(group._min.startedAt?.toISOString()).toBe('2025-11-01T00:00:00.000Z');
    expect(group._max.endedAt?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
  }
  // Visible but not dominant: a few per cent of the location-based CO2e of the same 12 months (AS20: ≈ 4 %).
  const window = { startedAt: { gte: new Date('2025-11-01T00:00:00Z') } };
  const [all, services] = await Promise.all([
    prisma.usageRecord.aggregate({ where: { orgId: org.id, ...window }, _sum: { locationKgCo2e: true } }),
    prisma.usageRecord.aggregate({
      where: { orgId: org.id, ...window, aiService: { not: null } },
      _sum: { locationKgCo2e: true, embodiedKgCo2e: true },
    }),
  ]);
  const share = (services._sum.locationKgCo2e ?? 0) / (all._sum.locationKgCo2e ?? 1);
  expect(share).toBeGreaterThan(0.02);
  expect(share).toBeLessThan(0.08);
  expect(services._sum.embodiedKgCo2e).toBeGreaterThan(0);

  const filters = parseDashboardFilters({ range: 'all', aiService: 'anthropic' });
  const range = resolveDateRange(filters, new Date('2026-11-29T00:00:00Z'), await getDataSpan(ctx));
  const page = await findUsageRecordsPage(ctx, filters, range, ZRecordsQuery.parse({}));
  expect(page.total).toBe(2 * 365);
  expect(page.rows.every((r) => r.aiService === 'anthropic')).toBe(true);

  const overview = parseDashboardFilters({ range: 'all' });
  const breakdowns = await findBreakdowns(ctx, overview, range);
  const gpt4o = await prisma.usageRecord.aggregate({
    where: { orgId: org.id, model: 'gpt-4o' },
    _sum: { locationKgCo2e: true },
  });
  const bar = breakdowns.find((b) => b.dimension === 'model' && b.key === 'gpt-4o');
  expect(bar?.locationKgCo2e).toBeCloseTo(gpt4o._sum.locationKgCo2e ?? 0, 6);
  expect(bar?.locationKgCo2e).toBeGreaterThan(0);
});

test('[seed] seeding again changes nothing', async () => {
  const prisma = getPrisma();
  const before = await prisma.usageRecord.count();
  await prepareDatabase({ seed: 'always', log: () => {} });
  expect(await prisma.usageRecord.count()).toBe(before);
  expect(await prisma.organization.count()).toBe(1);
});

test('[seed] the demo has a hardware register (Cat 2 in Q3 2026) and model lineages that form families', async () => {
  const prisma = getPrisma();
  const org = await prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
  const ctx = { orgId: org.id };
  expect(await prisma.hardwareAsset.count({ where: { orgId: org.id } })).toBe(4);
  const q3 = await getQuarterAggregates(ctx, '2026-Q3');
  // 16 H100 SXM × 164 kg (factor library) bought 17 Aug 2026.
  expect(q3.hardware?.cat2KgCo2e).toBe(2624);
  expect(q3.hardware?.amortisedKgCo2e).toBeGreaterThan(0);
  const filters = parseDashboardFilters({ range: 'all' });
  const range = resolveDateRange(filters, new Date('2026-11-29T00:00:00Z'), await getDataSpan(ctx));
  const { runs, inference } = await findLifecycleInputs(ctx, filters, range);
  const families = buildModelFamilies(runs, inference, await findModelLineages(ctx));
  const llm = families.find((f) => f.family === 'nw-llm');
  expect(llm?.members.map((m) => [m.model, m.baseModel])).toEqual([
    ['nw-llm-13b', null],
    ['nw-llm-7b', null],
    ['support-assistant-7b', 'nw-llm-7b'],
  ]);
  expect(llm?.inferenceKgCo2e).toBeGreaterThan(0);
  expect(families.map((f) => f.family)).toContain('search-embed');
});

test('[seed] a −30 % 2030 target with a computed 2025 base and a Platform quarterly budget under its alerts', async () => {
  const prisma = getPrisma();
  const org = await prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
  const ctx = { orgId: org.id };
  const [target] = await findTargets(ctx);
  expect(await prisma.carbonTarget.count({ where: { orgId: org.id } })).toBe(1);
  expect(target).toMatchObject({
    name: DEMO_TARGET.name,
    teamId: null,
    metric: 'absolute',
    basis: 'location',
    periodKind: 'year',
    baseYear: 2025,
    baseValueSource: 'computed',
    targetYear: 2030,
  });
  // The 2025 base is the recorded May–December total (≈ 69 t), the target 70 % of it rounded to 0.1 t.
  const year2025 = calendarPeriod(2025, null, org.timeZone);
  const sums = (await sumEmissionsInWindows(ctx, [year2025], null)).get(year2025.key);
  expect(target?.baseValue).toBeCloseTo((sums?.locationKgCo2e ?? 0) / 1000, 9);
  expect(target?.baseValue).toBeGreaterThan(60);
  expect(target?.targetValue).toBe(Math.round((target?.baseValue ?? 0) * 0.7 * 10) / 10);

  const budgets = await findBudgets(ctx);
  expect(budgets.map((b) => [b.teamName, b.periodKind, b.basis, b.amountKgCo2e])).toEqual([
    ['Platform', 'quarter', 'location', 30_000],
  ]);
  // 2026-Q4 holds October only: under 80 % of the budget, so the seed raises no alert.
  const [burnDown] = await findBudgetBurnDowns(ctx, new Date('2026-11-29T00:00:00Z'));
  expect(burnDown?.period.key).toBe('2026-Q4');
  expect(burnDown?.burn.usedPct).toBeGreaterThan(30);
  expect(burnDown?.burn.usedPct).toBeLessThan(80);
  expect(await prisma.budgetAlert.count({ where: { orgId: org.id } })).toBe(0);
});

test('[seed] a demo AI-service record equals the same usage stored by the direct AI-usage API (storeAiUsage)', async () => {
  const prisma = getPrisma();
  const demoOrg = await prisma.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
  const id = 'ai-claude-sonnet-4-5-20250929-2026-08-03';
  const columns = {
    region: true,
    gridZone: true,
    tokens: true,
    requests: true,
    aiService: true,
    aiModelRef: true,
    itEnergyKwh: true,
    facilityEnergyKwh: true,
    locationKgCo2e: true,
    marketKgCo2e: true,
    embodiedKgCo2e: true,
    waterOnsiteL: true,
    waterOffsiteL: true,
    team: { select: { slug: true } },
    project: { select: { slug: true } },
  } as const;
  const seeded = await prisma.usageRecord.findUniqueOrThrow({
    where: { orgId_externalId: { orgId: demoOrg.id, externalId: id } },
    select: { ...columns, startedAt: true, endedAt: true, inputTokens: true, outputTokens: true },
  });
  // The same day of usage, as a gateway would report it, in an organisation without energy contracts.
  const mirror = await prisma.organization.create({ data: { name: 'Mirror', slug: 'mirror' } });
  const result = await storeAiUsage(
    { orgId: mirror.id },
    [
      {
        id,
        provider: 'anthropic',
        model: 'claude-sonnet-4-5-20250929',
        startedAt: seeded.startedAt.toISOString(),
        endedAt: seeded.endedAt.toISOString(),
        inputTokens: seeded.inputTokens ?? 0,
        outputTokens: seeded.outputTokens ?? 0,
        requests: seeded.requests ?? 0,
        team: 'research',
        project: 'alignment',
      },
    ],
    new Date('2026-11-29T00:00:00Z'),
  );
  expect(result).toEqual({ result: { created: 1, updated: 0, unchanged: 0 } });
  const posted = await prisma.usageRecord.findUniqueOrThrow({
    where: { orgId_externalId: { orgId: mirror.id, externalId: id } },
    select: columns,
  });
  // No demo contract covers the provider's default zone (US), so even the market-based figure is the same.
  const { startedAt, endedAt, inputTokens, outputTokens, ...figures } = seeded;
  expect(posted).toEqual(figures);
  expect(seeded.aiModelRef).toBe('claude-sonnet-4-5-20250929@ecologits-0.9.1');
});
