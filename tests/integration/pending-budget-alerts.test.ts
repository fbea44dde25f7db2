import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { GET as listRecords, POST as postRecords } from '@/app/api/v1/records/route';
import type { TUserActor } from '@/lib/auth/actor';
import { periodContaining } from '@/lib/emissions/calendar-periods';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { validateRecordBatch } from '@/lib/server/http/validate-records';
import { saveBudget } from '@/lib/server/targets/budgets';
import { evaluatePendingBudgetAlerts } from '@/lib/server/targets/pending-budget-alerts';
import { storeApiRecords } from '@/lib/server/usage/api-estimate';
import { runAfterResponse } from '../support/after-response';
import { createOrgWithMember } from '../support/org-factory';
import { createResearchTeam, recentStart } from '../support/targets-fixtures';
import { createTestDatabase } from '../support/test-database';

vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (await import('../support/after-response')).captureAfter,
}));

// Issue #18: budget alerts are evaluated by one post-commit mechanism (lib/server/targets/pending-budget-alerts.ts), keyed
// on org_data_version, not by each writer. A writer that never calls the evaluation still gets its alert.

type TOwner = { orgId: string; userId: string; role: 'owner'; actor: TUserActor };
let owner: TOwner;
let other: TOwner;
let teamId: string;
let token: string;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  owner = { ...(await createOrgWithMember('owner')), role: 'owner' };
  other = { ...(await createOrgWithMember('owner')), role: 'owner' };
  teamId = await createResearchTeam(owner.orgId);
  token = (await createApiToken(owner, 'ci')).token;
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

/** One metered record of team Research in the current quarter: 500 g/kWh, PUE 1 (API JSON shape). */
function apiRecord(recordId: string, energyKwh: number) {
  const start = recentStart();
  return {
    recordId,
    phase: 'inference',
    startedAt: start.toISOString(),
    endedAt: new Date(start.getTime() + 60_000).toISOString(),
    team: 'Research',
    provider: 'on_prem',
    region: 'FR',
    energyKwh,
    pue: 1,
    carbonIntensityGPerKwh: 500,
  };
}

/** Stores one record through the data layer only (no route, no action, nothing scheduled). */
async function storeRecord(recordId: string, energyKwh: number): Promise<void> {
  const now = new Date();
  const { records, errors } = validateRecordBatch([apiRecord(recordId, energyKwh)], now);
  expect(errors).toEqual([]);
  await storeApiRecords(owner, records, now);
}

const alertRows = () =>
  getPrisma().budgetAlert.findMany({ where: { orgId: owner.orgId }, orderBy: { thresholdPct: 'asc' } });

describe('budget alerts after commit (one mechanism)', () => {
  test('a data-layer write that evaluates nothing is alerted once the mechanism runs, once per threshold', async () => {
    const quarter = periodContaining(new Date(), 'quarter', 'UTC');
    await saveBudget(owner, {
      id: null,
      teamId,
      periodKind: 'quarter',
      basis: 'location',
      amountKgCo2e: 100,
    });
    // 170 kWh × 500 g/kWh × PUE 1 = 85 kg: 85 % of the 100 kg budget.
    await storeRecord('a', 170);
    expect(await alertRows()).toEqual([]);

    const first = await evaluatePendingBudgetAlerts(owner, new Date());
    expect(first.map((a) => [a.thresholdPct, a.periodKey, a.actualKgCo2e])).toEqual([[80, quarter.key, 85]]);
    expect((await alertRows()).map((a) => a.thresholdPct)).toEqual([80]);

    // + 20 kWh × 0.5 kg/kWh = 10 kg → 95 kg: no new threshold.
    await storeRecord('b', 20);
    expect(await evaluatePendingBudgetAlerts(owner, new Date())).toEqual([]);
    // + 10 kWh × 0.5 kg/kWh = 5 kg → exactly 100 kg: the 100 % threshold, once.
    await storeRecord('c', 10);
    const second = await evaluatePendingBudgetAlerts(owner, new Date());
    expect(second.map((a) => [a.thresholdPct, a.actualKgCo2e])).toEqual([[100, 100]]);
    expect((await alertRows()).map((a) => a.thresholdPct)).toEqual([80, 100]);
    expect(await evaluatePendingBudgetAlerts(owner, new Date())).toEqual([]);
  });

  test('evaluates only when the organisation data version moved since the last evaluation', async () => {
    // Without a write since the last run, the alerts are not re-evaluated: removing them is not noticed...
    await getPrisma().budgetAlert.deleteMany({ where: { orgId: owner.orgId } });
    expect(await evaluatePendingBudgetAlerts(owner, new Date())).toEqual([]);
    // ...nor does another organisation's write make this one pending.
    await getPrisma().team.create({ data: { orgId: other.orgId, slug: 'x', name: 'X' } });
    expect(await evaluatePendingBudgetAlerts(owner, new Date())).toEqual([]);
    expect(await alertRows()).toEqual([]);
    // The next write of this organisation (a team rename bumps org_data_version) makes it pending again.
    await getPrisma().team.update({ where: { id: teamId }, data: { name: 'Research (renamed)' } });
    expect((await evaluatePendingBudgetAlerts(owner, new Date())).map((a) => a.thresholdPct)).toEqual([
      80, 100,
    ]);
  });

  test('the auth layer schedules the evaluation after every state-changing request, never after a read', async () => {
    const call = (method: string, body?: unknown) =>
      new Request('http://localhost/api/v1/records', {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await listRecords(call('GET'))).status).toBe(200);
    expect(await runAfterResponse()).toBe(0);
    // Current total 100 kg (85 + 10 + 5), 100 % already alerted; + 2 kWh = 1 kg: the write responds first.
    await getPrisma().budgetAlert.deleteMany({ where: { orgId: owner.orgId } });
    expect((await postRecords(call('POST', [apiRecord('d', 2)]))).status).toBe(201);
    expect(await alertRows()).toEqual([]);
    // Then the scheduled evaluation runs (as Next runs `after` callbacks once the response is sent).
    expect(await runAfterResponse()).toBe(1);
    expect((await alertRows()).map((a) => [a.thresholdPct, a.actualKgCo2e])).toEqual([
      [80, 101],
      [100, 101],
    ]);
  });
});
