import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { BudgetAlertBanner } from '@/app/(dashboard)/_components/budget-alert-banner';
import { DELETE as deleteContract } from '@/app/api/v1/energy-contracts/[id]/route';
import { POST as createContract } from '@/app/api/v1/energy-contracts/route';
import { DELETE as deleteOverride } from '@/app/api/v1/factors/overrides/[kind]/[id]/route';
import { POST as createOverride } from '@/app/api/v1/factors/overrides/route';
import { POST as storeRecords } from '@/app/api/v1/records/route';
import { periodContaining } from '@/lib/emissions/calendar-periods';
import { createApiToken } from '@/lib/server/access/api-tokens';
import type { TAuthContext } from '@/lib/server/access/auth-context';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { findActiveBudgetAlerts } from '@/lib/server/targets/budget-alerts';
import { saveBudget } from '@/lib/server/targets/budgets';
import { sumEmissionsInWindows } from '@/lib/server/targets/target-sums';
import { runAfterResponse } from '../support/after-response';
import { createOrgWithMember } from '../support/org-factory';
import { createResearchTeam, recentStart } from '../support/targets-fixtures';
import { createTestDatabase } from '../support/test-database';

// Budget alerts run in `after()` once a write responded (lib/server/access/auth-context.ts); run them here explicitly.
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (await import('../support/after-response')).captureAfter,
}));

// Budget alerts are evaluated by writes only (docs/decisions/targets.md T4): the API routes that recompute
// figures (factor overrides, energy contracts) create them; rendering the layout banner never writes.

let ctx: TAuthContext;
let token: string;
let teamId: string;

const req = (path: string, method: string, body?: unknown) =>
  new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const quarter = () => periodContaining(new Date(), 'quarter', 'UTC');
const sums = async () => (await sumEmissionsInWindows(ctx, [quarter()], teamId)).get(quarter().key);
const alertRows = () =>
  getPrisma().budgetAlert.findMany({ where: { orgId: ctx.orgId }, orderBy: { thresholdPct: 'asc' } });
const writesSoFar = async () => ({
  alerts: await getPrisma().budgetAlert.count({ where: { orgId: ctx.orgId } }),
  audit: await getPrisma().auditEvent.count({ where: { orgId: ctx.orgId, action: 'budget.alert' } }),
});

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  const member = await createOrgWithMember('owner');
  ctx = {
    ...member,
    userEmail: member.email,
    userName: 'Owner',
    orgName: 'Org',
    role: 'owner',
    memberships: [],
    via: 'session',
  };
  token = (await createApiToken(member, 'admin')).token;
  teamId = await createResearchTeam(ctx.orgId);
  // 1,000 kWh on the French grid in the current quarter, no own intensity: the grid factor decides its CO2e.
  const startedAt = recentStart();
  const stored = await storeRecords(
    req('/api/v1/records', 'POST', [
      {
        recordId: 'fr-run',
        phase: 'training',
        startedAt: startedAt.toISOString(),
        endedAt: new Date(startedAt.getTime() + 60_000).toISOString(),
        team: 'research',
        provider: 'on_prem',
        region: 'FR',
        energyKwh: 1000,
        pue: 1,
      },
    ]),
  );
  expect(stored.status).toBe(201);
  expect(await runAfterResponse()).toBe(1);
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('budget alert evaluation', () => {
  test('rendering the banner and reading alerts write nothing, even when a budget is already over 80 %', async () => {
    const actual = (await sums())?.locationKgCo2e ?? 0;
    expect(actual).toBeGreaterThan(0);
    // Saved through lib/server directly (no request, so nothing runs after it): 85 % used, no alert stored yet.
    await saveBudget(ctx, {
      id: null,
      teamId,
      periodKind: 'quarter',
      basis: 'location',
      amountKgCo2e: actual / 0.85,
    });
    expect(await BudgetAlertBanner({ ctx })).toBeNull();
    expect(await findActiveBudgetAlerts(ctx, new Date())).toEqual([]);
    expect(await writesSoFar()).toEqual({ alerts: 0, audit: 0 });
  });

  test('a factor override (API) that raises figures over the thresholds creates the alerts once', async () => {
    const actual = (await sums())?.locationKgCo2e ?? 0;
    const org = await getPrisma().organization.findUniqueOrThrow({ where: { id: ctx.orgId } });
    const q = quarter();
    const created = await createOverride(
      req('/api/v1/factors/overrides', 'POST', {
        kind: 'grid',
        override: {
          zone: 'FR',
          validFrom: q.start.toISOString().slice(0, 10),
          validTo: q.end.toISOString().slice(0, 10),
          // 1,000 kWh × g/kWh ÷ 1,000 = kg: twice the current figure, 170 % of the budget.
          gCo2ePerKwh: actual * 2,
          basis: org.defaultBasis,
          source: 'Supplier disclosure (test)',
        },
      }),
    );
    expect(created.status).toBe(201);
    expect(await runAfterResponse()).toBe(1);
    expect((await sums())?.locationKgCo2e).toBeCloseTo(actual * 2, 6);
    expect((await alertRows()).map((a) => [a.thresholdPct, a.periodKey])).toEqual([
      [80, q.key],
      [100, q.key],
    ]);

    // Reading after the write: the banner shows the 100 % alert and still writes nothing.
    const before = await writesSoFar();
    expect(before).toEqual({ alerts: 2, audit: 2 });
    expect(await BudgetAlertBanner({ ctx })).not.toBeNull();
    expect((await findActiveBudgetAlerts(ctx, new Date())).map((a) => a.thresholdPct)).toEqual([100]);
    expect(await writesSoFar()).toEqual(before);

    const override = await getPrisma().emissionFactor.findFirstOrThrow({ where: { orgId: ctx.orgId } });
    const removed = await deleteOverride(req(`/api/v1/factors/overrides/grid/${override.id}`, 'DELETE'), {
      params: Promise.resolve({ kind: 'grid', id: override.id }),
    });
    expect(removed.status).toBe(200);
    expect(await runAfterResponse()).toBe(1);
    expect(await writesSoFar()).toEqual(before);
  });

  test('energy contracts (API): adding and removing one evaluates market-based budgets', async () => {
    const market = (await sums())?.marketKgCo2e ?? 0;
    expect(market).toBeGreaterThan(0);
    const q = quarter();
    // A zero-carbon GO covering the run: market-based CO2e falls to 0.
    const created = await createContract(
      req('/api/v1/energy-contracts', 'POST', {
        reference: 'GO-TEST-0001',
        instrumentType: 'GO',
        marketZone: 'FR',
        periodStart: q.start.toISOString().slice(0, 10),
        periodEnd: q.end.toISOString().slice(0, 10),
        volumeMwh: 10,
        gCo2ePerKwh: 0,
        supplier: 'Hydro (test)',
      }),
    );
    expect(created.status).toBe(201);
    expect(await runAfterResponse()).toBe(1);
    expect((await sums())?.marketKgCo2e).toBe(0);
    const { id: budgetId } = await saveBudget(ctx, {
      id: null,
      teamId,
      periodKind: 'quarter',
      basis: 'market',
      amountKgCo2e: market / 0.9,
    });
    const { contract } = (await created.json()) as { contract: { id: string } };
    const removed = await deleteContract(req(`/api/v1/energy-contracts/${contract.id}`, 'DELETE'), {
      params: Promise.resolve({ id: contract.id }),
    });
    expect(removed.status).toBe(200);
    expect(await runAfterResponse()).toBe(1);
    const alerts = await getPrisma().budgetAlert.findMany({ where: { budgetId } });
    expect(alerts.map((a) => a.thresholdPct)).toEqual([80]);
  });
});
