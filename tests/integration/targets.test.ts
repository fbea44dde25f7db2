import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TUserActor } from '@/lib/auth/actor';
import { periodContaining } from '@/lib/emissions/calendar-periods';
import { buildQuarterlyEsgReport } from '@/lib/reports/build-quarterly-esg-report';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { getQuarterAggregates } from '@/lib/server/reports/quarter-aggregates';
import { saveBudget } from '@/lib/server/targets/budgets';
import { evaluatePendingBudgetAlerts } from '@/lib/server/targets/pending-budget-alerts';
import { deleteTarget, findTargets, saveTarget } from '@/lib/server/targets/targets';
import { createOrgWithMember } from '../support/org-factory';
import { createResearchTeam, csvRecord, recentStart, uploadCsv } from '../support/targets-fixtures';
import { createTestDatabase } from '../support/test-database';

type TOwner = { orgId: string; userId: string; role: 'owner'; actor: TUserActor };
let owner: TOwner;
let other: TOwner;
let token: string;
let teamId: string;

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  owner = { ...(await createOrgWithMember('owner')), role: 'owner' };
  other = { ...(await createOrgWithMember('owner')), role: 'owner' };
  token = (await createApiToken(owner, 'ci')).token;
  teamId = await createResearchTeam(owner.orgId);
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('targets', () => {
  test('base value computed from the base year records; organisation-scoped CRUD; audited', async () => {
    expect(
      (await uploadCsv(token, csvRecord('base-2025', new Date('2025-06-01T00:00:00Z'), 2000), 'base.csv'))
        .status,
    ).toBe(201);
    const input = {
      id: null,
      name: 'Halve training emissions',
      teamId: null,
      metric: 'absolute' as const,
      basis: 'location' as const,
      periodKind: 'year' as const,
      baseYear: 2025,
      baseValue: null,
      targetYear: 2030,
      targetValue: 0.5,
    };
    const saved = await saveTarget(owner, input);
    // 2,000 kWh × PUE 1 × 500 g/kWh = 1,000 kg = 1 tCO2e in 2025.
    expect(saved).toMatchObject({ baseValueSource: 'computed', baseRecordCount: 1 });
    expect(saved.baseValue).toBeCloseTo(1, 9);
    const quarterly = await saveTarget(owner, { ...input, name: 'Per quarter', periodKind: 'quarter' });
    expect(quarterly.baseValue).toBeCloseTo(0.25, 9);

    expect((await findTargets(owner)).map((t) => t.name).sort()).toEqual([
      'Halve training emissions',
      'Per quarter',
    ]);
    expect(await findTargets(other)).toEqual([]);
    await expect(saveTarget(other, { ...input, id: saved.id, baseValue: 3 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(deleteTarget(other, saved.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(saveTarget({ ...owner, role: 'editor' } as never, input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const edited = await saveTarget(owner, { ...input, id: saved.id, baseValue: 2 });
    expect(edited).toMatchObject({ baseValue: 2, baseValueSource: 'entered', baseRecordCount: null });
    await deleteTarget(owner, quarterly.id);
    const actions = await getPrisma().auditEvent.findMany({
      where: { orgId: owner.orgId, action: { startsWith: 'target.' } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      'target.created',
      'target.created',
      'target.deleted',
      'target.updated',
    ]);
  });

  test('no base-year data: a clear error asks for an entered base value', async () => {
    await expect(
      saveTarget(owner, {
        id: null,
        name: 'Intensity',
        teamId,
        metric: 'intensity',
        basis: 'market',
        periodKind: 'year',
        baseYear: 2024,
        baseValue: null,
        targetYear: 2030,
        targetValue: 10,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('quarterly report: Targets and progress', () => {
  test('each active target and budget with figures traceable to the same records as the report', async () => {
    const quarter = periodContaining(new Date(), 'quarter', 'UTC');
    expect((await uploadCsv(token, csvRecord('now', recentStart(), 100), 'now.csv')).status).toBe(201);
    await saveBudget(owner, { id: null, teamId, periodKind: 'quarter', basis: 'location', amountKgCo2e: 10 });
    await evaluatePendingBudgetAlerts(owner, new Date());
    const aggregates = await getQuarterAggregates(owner, quarter.key);
    const [target] = aggregates.targets?.targets ?? [];
    // The yearly target (base 2 t entered for 2025, 0.5 t in 2030) read at 2026.5: 2 − 1.5 × 1/5 = 1.7 t.
    expect(target).toMatchObject({ name: 'Halve training emissions', periodKey: String(quarter.year) });
    expect(target?.trajectoryValue).toBeCloseTo(1.7, 9);
    // Measured from 1 January to the report quarter's end: the report's own year-to-date total.
    expect(target?.actualValue).toBeCloseTo(aggregates.yearToDate.totals.locationKgCo2e / 1000, 9);
    const budgets = aggregates.targets?.budgets ?? [];
    const quarterly = budgets.find((b) => b.periodKey === quarter.key);
    expect(quarterly?.alertedPct).toEqual([80, 100]);
    expect(quarterly?.actualKgCo2e).toBeCloseTo(
      aggregates.byTeam.find((t) => t.key === 'Research')?.totals.locationKgCo2e ?? -1,
      9,
    );
    const report = buildQuarterlyEsgReport(aggregates, { generatedAt: new Date() });
    const section = report.sections.find((s) => s.id === 'targets');
    expect(section?.tables.map((t) => t.id)).toEqual(['targets-progress', 'budgets-burn']);
    expect(section?.tables[1]?.rows).toHaveLength(1);
  });
});
