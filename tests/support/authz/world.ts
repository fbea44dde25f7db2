import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { type TUserActor, userActor } from '@/lib/auth/actor';
import { TOKEN_SCOPES, type TTokenScope } from '@/lib/auth/token-scopes';
import type { Role } from '@/lib/generated/prisma/enums';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getAuthServer } from '@/lib/server/access/auth-server';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { createTestDatabase } from '../test-database';

// The fixture of the role-matrix and tenant-isolation suites: organisation A with one signed-in member per role
// (real Better Auth sessions) and API tokens per role and per scope; organisation B with an owner. Built once per
// test file; every case prepares its own objects on top.

export const ROLES: readonly Role[] = ['owner', 'admin', 'editor', 'auditor', 'viewer'];
export const PASSWORD = 'role-matrix-password-1';
let passwordHash: Promise<string> | null = null;

export interface TMember {
  orgId: string;
  orgSlug: string;
  userId: string;
  email: string;
  role: Role;
  actor: TUserActor;
  /** `Cookie` header value of a live session of this member. */
  cookie: string;
}

export type TCaller =
  | { kind: 'session'; label: string; member: TMember }
  | { kind: 'token'; label: string; member: TMember; token: string; scopes: readonly TTokenScope[] }
  | { kind: 'anonymous'; label: string };

export interface TOrgFixture {
  orgId: string;
  orgSlug: string;
  members: Record<Role, TMember>;
  /** A token of the owner with every scope (used by cases to create objects as the organisation would). */
  ownerToken: string;
}

export interface TWorld {
  a: TOrgFixture;
  b: TOrgFixture;
  callers: TCaller[];
}

let counter = 0;
/** A number unique within the test file (names, periods, record ids). */
export const seq = () => ++counter;

/** A user with a password account (one shared scrypt hash: hashing is slow on purpose). */
export async function createUser(label: string): Promise<{ userId: string; email: string }> {
  passwordHash ??= hashPassword(PASSWORD);
  const suffix = randomUUID().slice(0, 8);
  const userId = `u-${label}-${suffix}`;
  const email = `${label}-${suffix}@example.test`;
  const prisma = getPrisma();
  await prisma.user.create({ data: { id: userId, email, name: `${label} ${suffix}`, emailVerified: true } });
  await prisma.account.create({
    data: {
      id: `${userId}-credential`,
      accountId: userId,
      providerId: 'credential',
      userId,
      password: await passwordHash,
    },
  });
  return { userId, email };
}

/** Signs in through Better Auth and returns the session cookie as a browser would send it back. */
export async function signInCookie(email: string): Promise<string> {
  const { headers } = await getAuthServer().api.signInEmail({
    body: { email, password: PASSWORD },
    headers: new Headers({ 'x-forwarded-for': '198.51.100.1' }),
    returnHeaders: true,
  });
  const cookie = /(?:^|,\s*)((?:__Secure-)?better-auth\.session_token=[^;]+)/.exec(
    headers.get('set-cookie') ?? '',
  )?.[1];
  if (!cookie) {
    throw new Error('Sign-in returned no session cookie');
  }
  return cookie;
}

export async function addMember(org: { orgId: string; orgSlug: string }, role: Role): Promise<TMember> {
  const user = await createUser(role);
  await getPrisma().membership.create({ data: { orgId: org.orgId, userId: user.userId, role } });
  return { ...org, ...user, role, actor: userActor(user.userId), cookie: await signInCookie(user.email) };
}

async function createOrgFixture(name: string): Promise<TOrgFixture> {
  const suffix = randomUUID().slice(0, 8);
  const org = await getPrisma().organization.create({
    data: { name, slug: `${name.toLowerCase()}-${suffix}` },
  });
  const ids = { orgId: org.id, orgSlug: org.slug };
  const members = {} as Record<Role, TMember>;
  for (const role of ROLES) {
    members[role] = await addMember(ids, role);
  }
  const ownerToken = (await createApiToken(members.owner, 'fixture', { scopes: [...TOKEN_SCOPES] })).token;
  return { ...ids, members, ownerToken };
}

export async function createWorld(): Promise<TWorld> {
  const a = await createOrgFixture('Alpha');
  const b = await createOrgFixture('Beta');
  const callers: TCaller[] = [{ kind: 'anonymous', label: 'anonymous' }];
  for (const role of ROLES) {
    const member = a.members[role];
    callers.push({ kind: 'session', label: `${role} session`, member });
    const token = (await createApiToken(member, `all-${role}`, { scopes: [...TOKEN_SCOPES] })).token;
    callers.push({ kind: 'token', label: `${role} token [all scopes]`, member, token, scopes: TOKEN_SCOPES });
  }
  for (const scope of TOKEN_SCOPES) {
    const member = a.members.owner;
    const token = (await createApiToken(member, `only-${scope}`, { scopes: [scope] })).token;
    callers.push({ kind: 'token', label: `owner token [${scope}]`, member, token, scopes: [scope] });
  }
  return { a, b, callers };
}

/** This file's own database (cloned template + the bundled factor library, as seeded) and the world in it. */
export async function setUpAuthzWorld(): Promise<TWorld> {
  process.env.DATABASE_URL = await createTestDatabase();
  process.env.BETTER_AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  return createWorld();
}
