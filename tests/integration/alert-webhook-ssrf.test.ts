import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { TUserActor } from '@/lib/auth/actor';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { deliverAlertWebhook, saveAlertWebhook } from '@/lib/server/targets/alert-webhook';
import { saveBudget } from '@/lib/server/targets/budgets';
import { createOrgWithMember } from '../support/org-factory';
import { createResearchTeam } from '../support/targets-fixtures';
import { createTestDatabase } from '../support/test-database';

// Issue #17 item 9: any signed-in user can create an organisation and point its budget-alert webhook anywhere, and
// the delivery log tells whether something answered: an SSRF probe of the server's own network. Loopback,
// private, link-local, unique-local, multicast, unspecified and IPv4-mapped forms are refused when saving (after
// DNS) and again at delivery, which connects to the checked address and never follows a redirect. Operators
// allow internal hosts with ALERT_WEBHOOK_ALLOWED_HOSTS.
type TOwner = { orgId: string; userId: string; role: 'owner'; actor: TUserActor };
let owner: TOwner;
let alertId = '';
const SECRET = 'a-secret-of-16-chars';
const hits: string[] = [];
let hookServer: Server;
let hookPort = 0;
let redirectServer: Server;
let redirectPort = 0;

// Injected resolvers: no real DNS in tests. A public answer for the first lookup, loopback afterwards, is DNS
// rebinding.
type TAnswer = { address: string; family: 4 | 6 };
const resolvesTo =
  (...answers: TAnswer[][]) =>
  async (_hostname: string): Promise<TAnswer[]> =>
    answers.length > 1 ? (answers.shift() as TAnswer[]) : (answers[0] as TAnswer[]);
const PUBLIC: TAnswer[] = [{ address: '93.184.215.34', family: 4 }];
const LOOPBACK: TAnswer[] = [{ address: '127.0.0.1', family: 4 }];

const save = (url: string, lookup = resolvesTo(PUBLIC)) =>
  saveAlertWebhook(owner, { url, secret: SECRET, enabled: true }, lookup);
const storedUrl = async () =>
  (await getPrisma().alertWebhook.findUnique({ where: { orgId: owner.orgId } }))?.url;
const lastDelivery = () =>
  getPrisma().webhookDelivery.findFirstOrThrow({
    where: { orgId: owner.orgId },
    orderBy: { createdAt: 'desc' },
  });
const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  owner = { ...(await createOrgWithMember('owner')), role: 'owner' };
  const teamId = await createResearchTeam(owner.orgId);
  const budget = await saveBudget(owner, {
    id: null,
    teamId,
    periodKind: 'year',
    basis: 'location',
    amountKgCo2e: 10,
  });
  alertId = (
    await getPrisma().budgetAlert.create({
      data: {
        orgId: owner.orgId,
        budgetId: budget.id,
        thresholdPct: 80,
        periodKey: '2026',
        actualKgCo2e: 8,
        budgetKgCo2e: 10,
        recordCount: 1,
      },
    })
  ).id;
  hookServer = createServer((req, res) => {
    hits.push(`hook ${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  hookPort = await listen(hookServer);
  redirectServer = createServer((req, res) => {
    hits.push(`redirect ${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => res.writeHead(302, { location: `http://127.0.0.1:${hookPort}/internal` }).end());
  });
  redirectPort = await listen(redirectServer);
});

beforeEach(async () => {
  hits.length = 0;
  delete process.env.ALERT_WEBHOOK_ALLOWED_HOSTS;
  await getPrisma().alertWebhook.deleteMany({ where: { orgId: owner.orgId } });
});

afterAll(async () => {
  await new Promise((resolve) => hookServer.close(resolve));
  await new Promise((resolve) => redirectServer.close(resolve));
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('saving the webhook refuses internal targets', () => {
  test.each([
    ['http://127.0.0.1/hook', '127.0.0.1 is a loopback address'],
    ['http://localhost:8080/hook', '127.0.0.1 is a loopback address'],
    ['http://[::1]/hook', '::1 is a loopback address'],
    ['http://10.0.0.8/hook', '10.0.0.8 is a private network address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address'],
    ['http://192.168.1.20/hook', '192.168.1.20 is a private network address'],
    ['http://[::ffff:127.0.0.1]/hook', '127.0.0.1 is a loopback address'],
    ['http://[fd12::1]/hook', 'fd12::1 is a private (unique-local) IPv6 address'],
    ['http://0.0.0.0/hook', '0.0.0.0 is the unspecified address'],
    ['http://[ff02::1]/hook', 'ff02::1 is a multicast address'],
  ])('%s → INVALID_INPUT naming the reason, nothing stored', async (url, reason) => {
    const lookup = url.includes('localhost') ? resolvesTo(LOOPBACK) : resolvesTo(PUBLIC);
    await expect(save(url, lookup)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining(reason),
    });
    expect(await storedUrl()).toBeUndefined();
  });

  test('a hostname that resolves to loopback (any of its addresses) is refused with the address and why', async () => {
    const lookup = resolvesTo([
      { address: '93.184.215.34', family: 4 },
      { address: '::1', family: 6 },
    ]);
    await expect(save('https://hooks.attacker.test/x', lookup)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message:
        'Webhook URL refused: hooks.attacker.test: ::1 is a loopback address. Alert webhooks may only reach public addresses; an operator can allow an internal host with ALERT_WEBHOOK_ALLOWED_HOSTS.',
    });
    expect(await storedUrl()).toBeUndefined();
  });

  test('a public target is saved', async () => {
    await save('https://hooks.example.test/ok');
    expect(await storedUrl()).toBe('https://hooks.example.test/ok');
  });

  test('a name that does not resolve yet is saved (delivery checks it), and delivery records why it failed', async () => {
    const notFound = async (): Promise<TAnswer[]> => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await save('https://not-yet.example.test/hook', notFound);
    expect(await storedUrl()).toBe('https://not-yet.example.test/hook');
    expect(
      await deliverAlertWebhook(owner, alertId, { event: 'budget.threshold' }, new Date(), notFound),
    ).toBe('failed');
    expect((await lastDelivery()).error).toBe('not-yet.example.test could not be resolved (ENOTFOUND)');
  });
});

describe('delivery checks again and connects only to the checked address', () => {
  test('DNS rebinding: public when saved, loopback at delivery → refused, nothing reaches the local server', async () => {
    const url = `http://rebind.example.test:${hookPort}/hook`;
    const lookup = resolvesTo(PUBLIC, LOOPBACK);
    await save(url, lookup);
    expect(await deliverAlertWebhook(owner, alertId, { event: 'budget.threshold' }, new Date(), lookup)).toBe(
      'failed',
    );
    expect(hits).toEqual([]);
    const delivery = await lastDelivery();
    expect([delivery.status, delivery.httpStatus, delivery.error]).toEqual([
      'failed',
      null,
      'Webhook URL refused: rebind.example.test: 127.0.0.1 is a loopback address. Alert webhooks may only reach public addresses; an operator can allow an internal host with ALERT_WEBHOOK_ALLOWED_HOSTS.',
    ]);
  });

  test('a URL stored without the check (e.g. before this release) is refused at delivery', async () => {
    await getPrisma().alertWebhook.create({
      data: { orgId: owner.orgId, url: `http://127.0.0.1:${hookPort}/old`, secret: SECRET, enabled: true },
    });
    expect(await deliverAlertWebhook(owner, alertId, { event: 'budget.threshold' }, new Date())).toBe(
      'failed',
    );
    expect(hits).toEqual([]);
  });

  test('the allow-list lets a configured internal host through, at save and delivery', async () => {
    process.env.ALERT_WEBHOOK_ALLOWED_HOSTS = 'hooks.internal.test, 192.0.2.200';
    // The name resolves to loopback only through the injected resolver: reaching the local server proves the
    // connection goes to the address that was checked, not to a second lookup.
    const lookup = resolvesTo(LOOPBACK);
    await save(`http://HOOKS.internal.test:${hookPort}/allowed`, lookup);
    expect(await deliverAlertWebhook(owner, alertId, { event: 'budget.threshold' }, new Date(), lookup)).toBe(
      'delivered',
    );
    expect(hits).toEqual(['hook POST /allowed']);
    // Another internal host is still refused.
    await expect(save(`http://other.internal.test:${hookPort}/x`, lookup)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  test('a redirect is not followed, even from an allow-listed host to another loopback port', async () => {
    process.env.ALERT_WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';
    await save(`http://127.0.0.1:${redirectPort}/first`);
    // The allow-list covers the first hop; the redirect target is never contacted.
    expect(await deliverAlertWebhook(owner, alertId, { event: 'budget.threshold' }, new Date())).toBe(
      'failed',
    );
    expect(hits).toEqual(['redirect POST /first']);
    const delivery = await lastDelivery();
    expect([delivery.status, delivery.httpStatus, delivery.error]).toEqual([
      'failed',
      302,
      'HTTP 302 (redirects are not followed)',
    ]);
  });
});
