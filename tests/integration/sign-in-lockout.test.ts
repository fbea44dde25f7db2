import { hashPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getAuthServer } from '@/lib/data/auth-server';
import { getPrisma } from '@/lib/db';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

// Issue #7: 5 failed sign-ins for an email within 15 minutes lock it for 15 minutes, even for the right password;
// every attempt is stored and audited (no secrets). Goes through Better Auth itself (hooks), as the form and
// POST /api/auth/sign-in/email do.
const PASSWORD = 'correct-horse-battery';
let member: Awaited<ReturnType<typeof createOrgWithMember>>;

const headers = () => new Headers({ 'user-agent': 'vitest-agent', 'x-forwarded-for': '203.0.113.7' });
const signIn = (email: string, password: string) =>
  getAuthServer().api.signInEmail({ body: { email, password }, headers: headers() });

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  process.env.BETTER_AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
  member = await createOrgWithMember('viewer');
  await getPrisma().account.create({
    data: {
      id: `${member.userId}-credential`,
      accountId: member.userId,
      providerId: 'credential',
      userId: member.userId,
      password: await hashPassword(PASSWORD),
    },
  });
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
