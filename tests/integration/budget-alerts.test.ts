import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { POST as postRecords } from '@/app/api/v1/records/route';
import type { TUserActor } from '@/lib/auth/actor';
import { periodContaining } from '@/lib/emissions/calendar-periods';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { saveAlertWebhook } from '@/lib/server/targets/alert-webhook';
import { dismissBudgetAlert, findActiveBudgetAlerts } from '@/lib/server/targets/budget-alerts';
import { findBudgetBurnDowns } from '@/lib/server/targets/budget-burn-downs';
import { saveBudget } from '@/lib/server/targets/budgets';
import { evaluatePendingBudgetAlerts } from '@/lib/server/targets/pending-budget-alerts';
import { sumEmissionsInWindows } from '@/lib/server/targets/target-sums';
import { verifyWebhookSignature } from '@/lib/targets/webhook-signature';
import { runAfterResponse } from '../support/after-response';
import { createOrgWithMember } from '../support/org-factory';
import { createResearchTeam, csvRecord, recentStart, uploadCsv } from '../support/targets-fixtures';
import { createTestDatabase } from '../support/test-database';

// Budget alerts run in `after()` once a write responded (lib/server/access/auth-context.ts); run them here explicitly.
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (await import('../support/after-response')).captureAfter,
}));

// The receiver is a local server: allow-listed like a self-hoster's internal host (docs/SECURITY.md, webhook SSRF).
process.env.ALERT_WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';

type TOwner = { orgId: string; userId: string; role: 'owner'; actor: TUserActor };
let owner: TOwner;
let other: TOwner;
let token: string;
let teamId: string;
let server: Server;
let serverUrl: string;
let respondWith = 204;
const received: { headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  owner = { ...(await createOrgWithMember('owner')), role: 'owner' };
  other = { ...(await createOrgWithMember('owner')), role: 'owner' };
  token = (await createApiToken(owner, 'ci')).token;
  teamId = await createResearchTeam(owner.orgId);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(respondWith).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('budget alerts', () => {
  test('80 % then 100 % fire once each after uploads, signed webhook received and recorded', async () => {
    expect((await uploadCsv(token, csvRecord('a', recentStart(), 100), 'a.csv')).status).toBe(201);
    expect(await runAfterResponse()).toBe(1);
    const quarter = periodContaining(new Date(), 'quarter', 'UTC');
    const actualA =
      (await sumEmissionsInWindows(owner, [quarter], teamId)).get(quarter.key)?.locationKgCo2e ?? 0;
    expect(actualA).toBeCloseTo(50, 6);
    // Record A alone is 85 % of the budget; nothing is alerted until the next write.
    const { id: budgetId } = await saveBudget(owner, {
      id: null,
      teamId,
      periodKind: 'quarter',
      basis: 'location',
      amountKgCo2e: actualA / 0.85,
    });
    await saveAlertWebhook(owner, { url: serverUrl, secret: 'whsec_0123456789abcdef', enabled: true });

    expect((await uploadCsv(token, csvRecord('b', recentStart(), 1), 'b.csv')).status).toBe(201);
    expect(await runAfterResponse()).toBe(1);
    const alerts = () =>
      getPrisma().budgetAlert.findMany({ where: { budgetId }, orderBy: { thresholdPct: 'asc' } });
    expect((await alerts()).map((a) => [a.thresholdPct, a.periodKey])).toEqual([[80, quarter.key]]);
    expect(received).toHaveLength(1);

    expect((await uploadCsv(token, csvRecord('c', recentStart(), 100), 'c.csv')).status).toBe(201);
    expect(await runAfterResponse()).toBe(1);
    expect((await alerts()).map((a) => a.thresholdPct)).toEqual([80, 100]);
    expect(await evaluatePendingBudgetAlerts(owner, new Date())).toEqual([]);
    expect(await alerts()).toHaveLength(2);

    expect(received).toHaveLength(2);
    const payloads = received.map((r) => JSON.parse(r.body));
    expect(payloads.map((p) => [p.event, p.thresholdPct, p.budget.id, p.period.key])).toEqual([
      ['budget.threshold_reached', 80, budgetId, quarter.key],
      ['budget.threshold_reached', 100, budgetId, quarter.key],
    ]);
    for (const r of received) {
      const timestampSeconds = Number(r.headers['x-aif-timestamp']);
      expect(
        verifyWebhookSignature({
          secret: 'whsec_0123456789abcdef',
          timestampSeconds,
          body: r.body,
          signature: String(r.headers['x-aif-signature']),
          nowSeconds: Math.floor(Date.now() / 1000),
        }),
      ).toBe(true);
    }
    // Burn-down of the same quarter: one point per local day, the last started day holds the full total.
    const [burnDown] = await findBudgetBurnDowns(owner, new Date());
    const lengthDays = Math.round((quarter.end.getTime() - quarter.start.getTime()) / 86_400_000);
    expect(burnDown?.burn.points).toHaveLength(lengthDays);
    expect(burnDown?.burn.actualKgCo2e).toBeCloseTo(100.5, 6);
    const started = burnDown?.burn.points.filter((p) => p.cumulativeKgCo2e !== null) ?? [];
    expect(started.at(-1)?.cumulativeKgCo2e).toBeCloseTo(100.5, 6);
    const deliveries = await getPrisma().webhookDelivery.findMany({ where: { orgId: owner.orgId } });
    expect(deliveries.map((d) => [d.status, d.httpStatus])).toEqual([
      ['delivered', 204],
      ['delivered', 204],
    ]);
  });

  test('a failing receiver is recorded and does not break the API write', async () => {
    respondWith = 500;
    const { id: budgetId } = await saveBudget(owner, {
      id: null,
      teamId,
      periodKind: 'year',
      basis: 'market',
      amountKgCo2e: 1,
    });
    const response = await postRecords(
      new Request('http://localhost/api/v1/records', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify([
          {
            recordId: 'd',
            phase: 'inference',
            startedAt: recentStart().toISOString(),
            endedAt: new Date(recentStart().getTime() + 60_000).toISOString(),
            team: 'Research',
            provider: 'on_prem',
            region: 'FR',
            energyKwh: 10,
            pue: 1,
            carbonIntensityGPerKwh: 500,
          },
        ]),
      }),
    );
    expect(response.status).toBe(201);
    expect(await runAfterResponse()).toBe(1);
    const failed = await getPrisma().webhookDelivery.findMany({
      where: { orgId: owner.orgId, alert: { budgetId } },
      orderBy: { createdAt: 'asc' },
    });
    expect(failed.map((d) => [d.status, d.httpStatus, d.error])).toEqual([
      ['failed', 500, 'HTTP 500'],
      ['failed', 500, 'HTTP 500'],
    ]);
    await getPrisma().alertWebhook.update({
      where: { orgId: owner.orgId },
      data: { url: 'http://127.0.0.1:1/x' },
    });
    const { id: tinyId } = await saveBudget(owner, {
      id: null,
      teamId,
      periodKind: 'year',
      basis: 'location',
      amountKgCo2e: 1,
    });
    expect((await evaluatePendingBudgetAlerts(owner, new Date())).map((a) => a.thresholdPct)).toEqual([
      80, 100,
    ]);
    const unreachable = await getPrisma().webhookDelivery.findMany({
      where: { alert: { budgetId: tinyId } },
    });
    expect(unreachable.every((d) => d.status === 'failed' && d.httpStatus === null && d.error)).toBe(true);
    expect(unreachable).toHaveLength(2);
  });
});

describe('alert banner', () => {
  test('highest threshold per budget, dismissed per user, never shown to another organisation', async () => {
    const now = new Date();
    const active = await findActiveBudgetAlerts(owner, now);
    // Three budgets (quarterly location, yearly market, yearly location), each over 100 %.
    expect(active.map((a) => a.thresholdPct)).toEqual([100, 100, 100]);
    const quarterly = active.find((a) => a.periodKey.includes('-Q'));
    if (!quarterly) {
      throw new Error('no quarterly alert');
    }
    await getPrisma().user.create({
      data: { id: 'second-user', email: 'second@example.test', name: 'Second' },
    });
    await getPrisma().membership.create({
      data: { orgId: owner.orgId, userId: 'second-user', role: 'viewer' },
    });
    await dismissBudgetAlert(owner, quarterly.id);
    await dismissBudgetAlert(owner, quarterly.id);
    expect((await findActiveBudgetAlerts(owner, now)).map((a) => a.id)).not.toContain(quarterly.id);
    expect(await findActiveBudgetAlerts(owner, now)).toHaveLength(2);
    expect(
      (await findActiveBudgetAlerts({ orgId: owner.orgId, userId: 'second-user' }, now)).map((a) => a.id),
    ).toContain(quarterly.id);
    await dismissBudgetAlert(other, quarterly.id);
    expect(await getPrisma().budgetAlertDismissal.count({ where: { alertId: quarterly.id } })).toBe(1);
    expect(await findActiveBudgetAlerts(other, now)).toEqual([]);
  });
});
