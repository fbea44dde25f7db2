import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { MAX_FAILED_SIGN_INS, MAX_FAILED_SIGN_INS_PER_IP } from '@/lib/security/sign-in-lockout';
import { getAuthServer } from '@/lib/server/access/auth-server';
import { getPrisma } from '@/lib/server/db/prisma';
import { withRequestContext } from '@/scripts/server/request-context-handler.mjs';
import { createOrgWithMember } from '../support/org-factory';
import { webRequestOf } from '../support/route-server';
import { createTestDatabase } from '../support/test-database';

// Issue #7: 5 failed sign-ins for an email within 15 minutes lock it for 15 minutes, even for the right password;
// every attempt is stored and audited (no secrets). Goes through Better Auth itself (hooks), as the form and
// POST /api/auth/sign-in/email do.
const PASSWORD = 'correct-horse-battery';
// One trusted proxy in front (it appends the client's address to X-Forwarded-For), except where a test says not.
process.env.TRUSTED_PROXY_HOPS = '1';
let member: Awaited<ReturnType<typeof createOrgWithMember>>;

const headers = () => new Headers({ 'user-agent': 'vitest-agent', 'x-forwarded-for': '203.0.113.7' });
const signIn = (email: string, password: string) =>
  getAuthServer().api.signInEmail({ body: { email, password }, headers: headers() });

async function memberWithPassword() {
  const created = await createOrgWithMember('viewer');
  await getPrisma().account.create({
    data: {
      id: `${created.userId}-credential`,
      accountId: created.userId,
      providerId: 'credential',
      userId: created.userId,
      password: await hashPassword(PASSWORD),
    },
  });
  return created;
}

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  process.env.BETTER_AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
  member = await memberWithPassword();
});

afterAll(async () => {
  await getPrisma().$disconnect();
});

describe('sign-in lockout', () => {
  test('the right password signs in and is audited with IP and user agent, no password', async () => {
    const result = await signIn(member.email, PASSWORD);
    expect(result.user.email).toBe(member.email);
    const event = await getPrisma().auditEvent.findFirstOrThrow({
      where: { orgId: member.orgId, action: 'auth.sign_in.succeeded' },
    });
    expect(event.actorUserId).toBe(member.userId);
    expect(event.metadata).toEqual({
      email: member.email,
      ipAddress: '203.0.113.7',
      userAgent: 'vitest-agent',
    });
    expect(JSON.stringify(event.metadata)).not.toContain(PASSWORD);
  });

  test('after 5 failures the right password is refused with "Too many failed attempts; try again in 15 minutes"', async () => {
    for (let i = 0; i < 5; i += 1) {
      await expect(signIn(member.email, 'wrong-password-123')).rejects.toMatchObject({ statusCode: 401 });
    }
    await expect(signIn(member.email.toUpperCase(), PASSWORD)).rejects.toMatchObject({
      statusCode: 429,
      message: 'Too many failed attempts; try again in 15 minutes.',
    });
    const actions = await getPrisma().auditEvent.groupBy({
      by: ['action'],
      where: { orgId: member.orgId, action: { startsWith: 'auth.' } },
      _count: true,
    });
    expect(Object.fromEntries(actions.map((a) => [a.action, a._count]))).toEqual({
      'auth.sign_in.succeeded': 1,
      'auth.sign_in.failed': 5,
      'auth.sign_in.locked': 1,
    });
    const attempts = await getPrisma().signInAttempt.findMany({ where: { email: member.email } });
    expect(attempts).toHaveLength(7);
  });

  test('another email is not affected; an unknown email is recorded without audit events', async () => {
    const other = await createOrgWithMember('viewer');
    await expect(signIn(other.email, 'wrong-password-123')).rejects.toMatchObject({ statusCode: 401 });
    await expect(signIn('nobody@example.test', 'wrong-password-123')).rejects.toMatchObject({
      statusCode: 401,
    });
    expect(await getPrisma().signInAttempt.count({ where: { email: 'nobody@example.test' } })).toBe(1);
  });

  test('the lock expires 15 minutes after the last failure', async () => {
    const past = new Date(Date.now() - 16 * 60 * 1000);
    await getPrisma().signInAttempt.updateMany({ where: { email: member.email }, data: { createdAt: past } });
    const result = await signIn(member.email, PASSWORD);
    expect(result.user.id).toBe(member.userId);
  });
});

/** 'ok' for a session, else the HTTP status and Better Auth's error code. Settles at once (no stray rejection). */
const outcome = (call: Promise<unknown>): Promise<string> =>
  call.then(
    () => 'ok',
    (e: { statusCode?: number; body?: { code?: string } }) => `${e.statusCode} ${e.body?.code ?? ''}`.trim(),
  );
const outcomes = (calls: Promise<unknown>[]) => Promise.all(calls.map(outcome));
function tally(list: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of list) {
    counts[o] = (counts[o] ?? 0) + 1;
  }
  return counts;
}

// Issue #17 item 7: the lockout check and the failure count were separate steps, so parallel guesses were all
// checked before any failure was stored and every one was evaluated. Now a slot is reserved atomically before the
// password is checked: at most the threshold is ever evaluated, the rest answer 429.
describe('concurrent guesses are counted atomically', () => {
  test(`per account: 2 failures, then 29 wrong + 1 right in parallel → 3 evaluated (5 − 2), the right one refused`, async () => {
    const target = await memberWithPassword();
    const signInFrom = (password: string, i: number) =>
      getAuthServer().api.signInEmail({
        body: { email: target.email, password },
        // Different addresses: only the per-account limit is in play.
        headers: new Headers({ 'x-forwarded-for': `192.0.2.${i + 1}` }),
      });
    for (let i = 0; i < 2; i += 1) {
      await expect(signInFrom('wrong-password-123', 100 + i)).rejects.toMatchObject({ statusCode: 401 });
    }
    const wrong = Array.from({ length: 29 }, (_, i) => outcome(signInFrom(`wrong-password-${i}`, i)));
    // The right password goes out once the remaining 3 slots are taken (reserved or already failed).
    const taken = () =>
      getPrisma().signInAttempt.count({ where: { email: target.email, outcome: { not: 'locked' } } });
    while ((await taken()) < MAX_FAILED_SIGN_INS) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const right = outcome(signInFrom(PASSWORD, 29));
    const results = await Promise.all([...wrong, right]);
    expect(tally(results)).toEqual({ '401 INVALID_EMAIL_OR_PASSWORD': 3, '429 SIGN_IN_LOCKED': 27 });
    expect(results[29]).toBe('429 SIGN_IN_LOCKED');
    const stored = await getPrisma().signInAttempt.groupBy({
      by: ['outcome'],
      where: { email: target.email },
      _count: true,
    });
    expect(Object.fromEntries(stored.map((g) => [g.outcome, g._count]))).toEqual({ failed: 5, locked: 27 });
  });

  test(`per IP: ${MAX_FAILED_SIGN_INS_PER_IP - 2} failures, then 30 parallel guesses at 30 emails → 2 evaluated, 28 refused`, async () => {
    const ip = '198.51.100.200';
    const old = new Date(Date.now() - 60_000);
    await getPrisma().signInAttempt.createMany({
      data: Array.from({ length: MAX_FAILED_SIGN_INS_PER_IP - 2 }, (_, i) => ({
        email: `earlier-${i}@example.test`,
        outcome: 'failed',
        ipAddress: ip,
        createdAt: old,
      })),
    });
    const results = await outcomes(
      Array.from({ length: 30 }, (_, i) =>
        getAuthServer().api.signInEmail({
          body: { email: `parallel-${i}@example.test`, password: 'wrong-password-123' },
          headers: new Headers({ 'x-forwarded-for': ip }),
        }),
      ),
    );
    expect(tally(results)).toEqual({ '401 INVALID_EMAIL_OR_PASSWORD': 2, '429 SIGN_IN_IP_LOCKED': 28 });
    expect(await getPrisma().signInAttempt.count({ where: { ipAddress: ip, outcome: 'failed' } })).toBe(
      MAX_FAILED_SIGN_INS_PER_IP,
    );
  });
  test('a slot still pending (e.g. left by a crash) counts as a failure: 4 failed + 1 pending lock the account', async () => {
    const target = await memberWithPassword();
    const recent = new Date(Date.now() - 60_000);
    await getPrisma().signInAttempt.createMany({
      data: ['failed', 'failed', 'failed', 'failed', 'pending'].map((outcome) => ({
        email: target.email,
        outcome,
        ipAddress: '192.0.2.50',
        createdAt: recent,
      })),
    });
    await expect(signIn(target.email, PASSWORD)).rejects.toMatchObject({
      statusCode: 429,
      body: { code: 'SIGN_IN_LOCKED' },
    });
  });

  test('over HTTP (POST /api/auth/sign-in/email) the reserved slot is settled as failed, then succeeded', async () => {
    const target = await memberWithPassword();
    const post = (password: string) =>
      authPost(
        new Request('http://localhost:3000/api/auth/sign-in/email', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: 'http://localhost:3000',
            'x-forwarded-for': '192.0.2.9',
          },
          body: JSON.stringify({ email: target.email, password }),
        }),
      );
    expect((await post('wrong-password-123')).status).toBe(401);
    expect((await post(PASSWORD)).status).toBe(200);
    const stored = await getPrisma().signInAttempt.findMany({
      where: { email: target.email },
      orderBy: { createdAt: 'asc' },
      select: { outcome: true, ipAddress: true },
    });
    expect(stored).toEqual([
      { outcome: 'failed', ipAddress: '192.0.2.9' },
      { outcome: 'succeeded', ipAddress: '192.0.2.9' },
    ]);
    const audited = await getPrisma().auditEvent.findMany({
      where: { orgId: target.orgId, action: { startsWith: 'auth.sign_in.' } },
      orderBy: { createdAt: 'asc' },
      select: { action: true, metadata: true },
    });
    expect(audited).toEqual([
      {
        action: 'auth.sign_in.failed',
        metadata: { email: target.email, ipAddress: '192.0.2.9', userAgent: null },
      },
      {
        action: 'auth.sign_in.succeeded',
        metadata: { email: target.email, ipAddress: '192.0.2.9', userAgent: null },
      },
    ]);
  });
});

// Issue #17 item 8: X-Forwarded-For was trusted with nothing in front, so rotating it escaped the per-IP lock and
// sending a victim's address locked the victim out. It is now read only with TRUSTED_PROXY_HOPS set.
describe('the client address behind TRUSTED_PROXY_HOPS', () => {
  test('no proxy configured: rotating X-Forwarded-For does not escape the per-IP lock (one "direct" bucket)', async () => {
    process.env.TRUSTED_PROXY_HOPS = '';
    try {
      const results: string[] = [];
      for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_IP + 2; i += 1) {
        results.push(
          ...(await outcomes([
            getAuthServer().api.signInEmail({
              body: { email: `rotating-${i}@example.test`, password: 'wrong-password-123' },
              headers: new Headers({ 'x-forwarded-for': `203.0.113.${i + 1}` }),
            }),
          ])),
        );
      }
      expect(results).toEqual([
        ...Array(MAX_FAILED_SIGN_INS_PER_IP).fill('401 INVALID_EMAIL_OR_PASSWORD'),
        '429 SIGN_IN_IP_LOCKED',
        '429 SIGN_IN_IP_LOCKED',
      ]);
      const stored = await getPrisma().signInAttempt.findMany({
        where: { email: { startsWith: 'rotating-' } },
        select: { ipAddress: true },
      });
      expect(new Set(stored.map((a) => a.ipAddress))).toEqual(new Set(['direct']));
    } finally {
      process.env.TRUSTED_PROXY_HOPS = '1';
    }
  });

  test("one trusted proxy: its appended address is the key; a victim's address sent by the attacker locks only the attacker", async () => {
    const victim = await memberWithPassword();
    const victimIp = '192.0.2.77';
    const attackerIp = '198.51.100.66';
    for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_IP; i += 1) {
      await expect(
        getAuthServer().api.signInEmail({
          body: { email: `spoof-${i}@example.test`, password: 'wrong-password-123' },
          // The attacker claims the victim's address; the proxy appends the address it saw.
          headers: new Headers({ 'x-forwarded-for': `${victimIp}, ${attackerIp}` }),
        }),
      ).rejects.toMatchObject({ statusCode: 401 });
    }
    const stored = await getPrisma().signInAttempt.findFirstOrThrow({
      where: { email: 'spoof-0@example.test' },
    });
    expect(stored.ipAddress).toBe(attackerIp);
    await expect(
      getAuthServer().api.signInEmail({
        body: { email: 'spoof-x@example.test', password: 'wrong-password-123' },
        headers: new Headers({ 'x-forwarded-for': attackerIp }),
      }),
    ).rejects.toMatchObject({ statusCode: 429 });
    const ok = await getAuthServer().api.signInEmail({
      body: { email: victim.email, password: PASSWORD },
      headers: new Headers({ 'x-forwarded-for': victimIp }),
    });
    expect(ok.user.id).toBe(victim.userId);
  });

  test('two trusted hops: the second address from the right is the client', async () => {
    process.env.TRUSTED_PROXY_HOPS = '2';
    try {
      await expect(
        getAuthServer().api.signInEmail({
          body: { email: 'two-hops@example.test', password: 'wrong-password-123' },
          headers: new Headers({ 'x-forwarded-for': '10.9.9.9, 203.0.113.50, 10.0.0.2' }),
        }),
      ).rejects.toMatchObject({ statusCode: 401 });
      const stored = await getPrisma().signInAttempt.findFirstOrThrow({
        where: { email: 'two-hops@example.test' },
      });
      expect(stored.ipAddress).toBe('203.0.113.50');
    } finally {
      process.env.TRUSTED_PROXY_HOPS = '1';
    }
  });

  test('no proxy configured, behind the production server: the key is the socket peer, not the header', async () => {
    // scripts/next-server.mjs wraps Next's handler in withRequestContext, which records req.socket.remoteAddress;
    // here it wraps the sign-in route handler the same way, on a loopback port.
    process.env.TRUSTED_PROXY_HOPS = '';
    const server = createServer(
      withRequestContext(async (req, res) => {
        const response = await authPost(await webRequestOf(req, new URL(`http://localhost:3000${req.url}`)));
        res.writeHead(response.status, { 'content-type': 'application/json' });
        res.end(await response.text());
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const target = await memberWithPassword();
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'http://localhost:3000',
          'x-forwarded-for': '198.51.100.77',
        },
        body: JSON.stringify({ email: target.email, password: 'wrong-password-123' }),
      });
      expect(response.status).toBe(401);
      const stored = await getPrisma().signInAttempt.findMany({
        where: { email: target.email },
        select: { outcome: true, ipAddress: true },
      });
      expect(stored).toEqual([{ outcome: 'failed', ipAddress: '127.0.0.1' }]);
    } finally {
      process.env.TRUSTED_PROXY_HOPS = '1';
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
