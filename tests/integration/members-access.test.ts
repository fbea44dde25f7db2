import { hashPassword, verifyPassword } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as listUploads, POST as postUpload } from '@/app/api/v1/uploads/route';
import type { Role } from '@/lib/generated/prisma/enums';
import { GENERIC_EXAMPLE_CSV } from '@/lib/ingest/templates';
import { createApiToken, getBearerIdentity } from '@/lib/server/access/api-tokens';
import { acceptInvitation } from '@/lib/server/access/invitation-accept';
import {
  createInvitation,
  findInvitations,
  getInvitationByToken,
  INVITATION_TTL_MS,
  revokeInvitation,
} from '@/lib/server/access/invitations';
import { changeMemberRole, findMembers, removeMember } from '@/lib/server/access/members';
import { findMembershipsForUser } from '@/lib/server/access/memberships';
import { createOrganization } from '@/lib/server/access/organization-create';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

// Issue #7: invitations, member management (owner rules, last owner, session revocation), organisations, token
// scopes and expiry. Real Postgres; lib/server functions and route handlers, as the server actions call them.
const NOW = new Date('2026-11-29T12:00:00Z');
let owner: Awaited<ReturnType<typeof createOrgWithMember>>;

async function addMember(orgId: string, role: Role) {
  const other = await createOrgWithMember('viewer');
  await getPrisma().membership.create({ data: { orgId, userId: other.userId, role } });
  return { ...other, orgId };
}

async function addSession(userId: string) {
  await getPrisma().session.create({
    data: {
      id: `s-${Math.random().toString(36).slice(2)}`,
      token: `t-${Math.random().toString(36).slice(2)}`,
      userId,
      expiresAt: new Date('2027-01-01T00:00:00Z'),
    },
  });
}

const sessionsOf = (userId: string) => getPrisma().session.count({ where: { userId } });
const eventsOf = (orgId: string, action: string) =>
  getPrisma().auditEvent.findMany({ where: { orgId, action }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  // Uploads check regions against the factor library, as in a seeded database.
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  owner = await createOrgWithMember('owner');
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('invitations', () => {
  test('accepting as a new user creates the account and the membership, once; only the hash is stored', async () => {
    const invited = await createInvitation(owner, { email: 'new.person@example.test', role: 'editor' }, NOW);
    expect(invited.token).toMatch(/^inv_[A-Za-z0-9_-]{43}$/);
    expect(invited.expiresAt.getTime() - NOW.getTime()).toBe(INVITATION_TTL_MS);
    const row = await getPrisma().invitation.findUniqueOrThrow({ where: { id: invited.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(invited.token);
    expect(await getInvitationByToken(invited.token, NOW)).toEqual({
      orgName: expect.any(String),
      email: 'new.person@example.test',
      role: 'editor',
      status: 'pending',
    });

    const passwordHash = await hashPassword('a-long-password');
    const accepted = await acceptInvitation(
      invited.token,
      { newUser: { name: 'New Person', passwordHash } },
      NOW,
    );
    expect(accepted.orgId).toBe(owner.orgId);
    const account = await getPrisma().account.findFirstOrThrow({ where: { userId: accepted.userId } });
    expect(account.providerId).toBe('credential');
    expect(await verifyPassword({ hash: account.password ?? '', password: 'a-long-password' })).toBe(true);
    expect(await findMembershipsForUser(accepted.userId)).toMatchObject([
      { orgId: owner.orgId, role: 'editor' },
    ]);

    await expect(
      acceptInvitation(invited.token, { newUser: { name: 'Again', passwordHash } }, NOW),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('accepted') });
    expect((await getInvitationByToken(invited.token, NOW))?.status).toBe('accepted');
    const [created, acceptedEvent] = [
      await eventsOf(owner.orgId, 'invitation.created'),
      await eventsOf(owner.orgId, 'invitation.accepted'),
    ];
    expect(created[0]).toMatchObject({ actorUserId: owner.userId, targetId: invited.id });
    expect(acceptedEvent[0]).toMatchObject({ actorUserId: accepted.userId, metadata: { newAccount: true } });
  });

  test('an existing user joins a second organisation; the link is bound to the invited email', async () => {
    const other = await createOrgWithMember('owner');
    const invited = await createInvitation(other, { email: owner.email, role: 'auditor' }, NOW);
    // The page's view says nothing about the account (tests/integration/hardening-17.test.ts).
    expect(Object.keys((await getInvitationByToken(invited.token, NOW)) ?? {}).sort()).toEqual([
      'email',
      'orgName',
      'role',
      'status',
    ]);
    await expect(
      acceptInvitation(invited.token, { existingUserId: other.userId }, NOW),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await acceptInvitation(invited.token, { existingUserId: owner.userId }, NOW);
    const memberships = await findMembershipsForUser(owner.userId);
    expect(memberships.map((m) => [m.orgId, m.role])).toEqual([
      [owner.orgId, 'owner'],
      [other.orgId, 'auditor'],
    ]);
  });

  test('expired and revoked links are refused; nothing is created', async () => {
    const passwordHash = await hashPassword('a-long-password');
    const expiring = await createInvitation(owner, { email: 'late@example.test', role: 'viewer' }, NOW);
    const later = new Date(NOW.getTime() + INVITATION_TTL_MS + 1);
    await expect(
      acceptInvitation(expiring.token, { newUser: { name: 'Late', passwordHash } }, later),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('expired') });
    const revoked = await createInvitation(owner, { email: 'revoked@example.test', role: 'viewer' }, NOW);
    await revokeInvitation(owner, revoked.id, NOW);
    await expect(revokeInvitation(owner, revoked.id, NOW)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      acceptInvitation(revoked.token, { newUser: { name: 'Revoked', passwordHash } }, NOW),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('revoked') });
    expect(
      await getPrisma().user.count({
        where: { email: { in: ['late@example.test', 'revoked@example.test'] } },
      }),
    ).toBe(0);
    const statuses = Object.fromEntries(
      (await findInvitations(owner, later)).map((i) => [i.email, i.status]),
    );
    expect(statuses).toMatchObject({ 'late@example.test': 'expired', 'revoked@example.test': 'revoked' });
    expect(await eventsOf(owner.orgId, 'invitation.revoked')).toHaveLength(1);
    expect(await getInvitationByToken('inv_unknown', NOW)).toBeNull();
  });

  test('admins cannot invite owners; editors cannot invite; members cannot be invited twice', async () => {
    const admin = await addMember(owner.orgId, 'admin');
    const editor = await addMember(owner.orgId, 'editor');
    await expect(
      createInvitation(admin, { email: 'boss@example.test', role: 'owner' }, NOW),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only owners can invite owners.',
    });
    await expect(
      createInvitation(editor, { email: 'x@example.test', role: 'viewer' }, NOW),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(createInvitation(admin, { email: editor.email, role: 'viewer' }, NOW)).rejects.toMatchObject(
      {
        code: 'CONFLICT',
      },
    );
    await expect(
      createInvitation(owner, { email: 'boss@example.test', role: 'owner' }, NOW),
    ).resolves.toBeDefined();
  });
});

describe('member management', () => {
  test('a role change is audited and applies without signing the member out (the role is read per request)', async () => {
    const org = await createOrgWithMember('owner');
    const editor = await addMember(org.orgId, 'editor');
    await addSession(editor.userId);
    await addSession(editor.userId);
    await addSession(org.userId);
    await changeMemberRole(org, editor.userId, 'admin');
    expect(await sessionsOf(editor.userId)).toBe(2);
    expect(await sessionsOf(org.userId)).toBe(1);
    expect((await findMembers(org)).find((m) => m.userId === editor.userId)?.role).toBe('admin');
    expect((await eventsOf(org.orgId, 'membership.role_changed'))[0]).toMatchObject({
      actorUserId: org.userId,
      targetId: editor.userId,
      metadata: { from: 'editor', to: 'admin' },
    });
    // Same role again: nothing happens, no event.
    await changeMemberRole(org, editor.userId, 'admin');
    expect(await eventsOf(org.orgId, 'membership.role_changed')).toHaveLength(1);
  });

  test('admins cannot touch owners nor grant owner; only owners can', async () => {
    const org = await createOrgWithMember('owner');
    const admin = await addMember(org.orgId, 'admin');
    const viewer = await addMember(org.orgId, 'viewer');
    const refused = { code: 'FORBIDDEN', message: 'Only owners can grant, change or remove the owner role.' };
    await expect(changeMemberRole(admin, org.userId, 'viewer')).rejects.toMatchObject(refused);
    await expect(removeMember(admin, org.userId, NOW)).rejects.toMatchObject(refused);
    await expect(changeMemberRole(admin, viewer.userId, 'owner')).rejects.toMatchObject(refused);
    await changeMemberRole(admin, viewer.userId, 'editor');
    await expect(changeMemberRole(viewer, admin.userId, 'viewer')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await changeMemberRole(org, viewer.userId, 'owner');
    expect((await findMembers(org)).filter((m) => m.role === 'owner')).toHaveLength(2);
  });

  test('the last owner cannot be demoted or removed; with two owners one may step down', async () => {
    const org = await createOrgWithMember('owner');
    await expect(changeMemberRole(org, org.userId, 'admin')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'The last owner cannot be demoted; make another member owner first.',
    });
    await expect(removeMember(org, org.userId, NOW)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'The last owner cannot be removed; make another member owner first.',
    });
    const second = await addMember(org.orgId, 'owner');
    await changeMemberRole(second, org.userId, 'admin');
    await expect(changeMemberRole(second, second.userId, 'viewer')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await findMembers(org)).map((m) => m.role)).toEqual(['owner', 'admin']);
  });

  test('two owners demoting each other at once: exactly one succeeds (row lock)', async () => {
    const org = await createOrgWithMember('owner');
    const second = await addMember(org.orgId, 'owner');
    const results = await Promise.allSettled([
      changeMemberRole(org, second.userId, 'admin'),
      changeMemberRole(second, org.userId, 'admin'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await findMembers(org)).filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  test('removal deletes the membership and revokes their tokens here; sessions stay for their other organisation', async () => {
    const org = await createOrgWithMember('owner');
    const editor = await addMember(org.orgId, 'editor');
    const token = await createApiToken(editor, 'job');
    await addSession(editor.userId);
    await removeMember(org, editor.userId, NOW);
    expect((await findMembershipsForUser(editor.userId)).map((m) => m.orgId)).not.toContain(org.orgId);
    expect((await findMembers(org)).map((m) => m.userId)).toEqual([org.userId]);
    expect(await getBearerIdentity(token.token, NOW)).toBeNull();
    expect((await getPrisma().apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toEqual(
      NOW,
    );
    // addMember's user also owns a membership elsewhere (createOrgWithMember): their session stays for it.
    expect(await sessionsOf(editor.userId)).toBe(1);
    expect((await eventsOf(org.orgId, 'membership.removed'))[0]?.metadata).toMatchObject({
      role: 'editor',
      tokensRevoked: 1,
      sessionsRevoked: 0,
    });
  });
});

describe('organisations', () => {
  test('the creator of an organisation becomes its owner; the new organisation is empty and audited', async () => {
    const created = await createOrganization(owner, 'Acme Research & Co');
    expect(created.orgSlug).toMatch(/^acme-research-co-[0-9a-f]{6}$/);
    const memberships = await findMembershipsForUser(owner.userId);
    expect(memberships.at(-1)).toMatchObject({
      orgId: created.orgId,
      role: 'owner',
      orgName: 'Acme Research & Co',
    });
    expect(await findMembers({ orgId: created.orgId })).toMatchObject([
      { userId: owner.userId, role: 'owner' },
    ]);
    expect(await eventsOf(created.orgId, 'organization.created')).toHaveLength(1);
    expect(await getPrisma().usageRecord.count({ where: { orgId: created.orgId } })).toBe(0);
  });
});

describe('token scopes and expiry', () => {
  const base = 'http://localhost/api/v1';
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const upload = (token: string) =>
    postUpload(
      new Request(`${base}/uploads?fileName=s.csv`, {
        method: 'POST',
        headers: { ...bearer(token), 'content-type': 'text/csv' },
        body: GENERIC_EXAMPLE_CSV,
      }),
    );

  test('a read-only token reads but cannot write (403 naming the scope); a write token can', async () => {
    const org = await createOrgWithMember('owner');
    const reader = await createApiToken(org, 'reader', { scopes: ['read'] });
    expect(reader.scopes).toEqual(['read']);
    expect(
      (await listUploads(new Request(`${base}/uploads`, { headers: bearer(reader.token) }))).status,
    ).toBe(200);
    const denied = await upload(reader.token);
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.message).toBe(
      'This token lacks the "write:usage" scope; create a token with it in /settings/tokens.',
    );
    expect(await getPrisma().usageRecord.count({ where: { orgId: org.orgId } })).toBe(0);
    const writer = await createApiToken(org, 'writer', { scopes: ['write:usage'] });
    expect((await upload(writer.token)).status).toBe(201);
    expect(
      (await listUploads(new Request(`${base}/uploads`, { headers: bearer(writer.token) }))).status,
    ).toBe(403);
  });

  test('a token never exceeds its role: a viewer with write:usage still gets 403', async () => {
    const org = await createOrgWithMember('viewer');
    const token = await createApiToken(org, 'viewer-writer', { scopes: ['read', 'write:usage'] });
    const res = await upload(token.token);
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe('Your role (viewer) does not allow this.');
  });

  test('an expired token is a 401 that says when it expired; revoked says revoked', async () => {
    const org = await createOrgWithMember('owner');
    const expiresAt = new Date(Date.now() - 60_000);
    const expired = await createApiToken(org, 'old', { expiresAt });
    const res = await listUploads(new Request(`${base}/uploads`, { headers: bearer(expired.token) }));
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe(
      `The bearer token expired at ${expiresAt.toISOString()}; create a new one in /settings/tokens.`,
    );
    const future = await createApiToken(org, 'fresh', { expiresAt: new Date(Date.now() + 3_600_000) });
    expect(
      (await listUploads(new Request(`${base}/uploads`, { headers: bearer(future.token) }))).status,
    ).toBe(200);
    const unknown = await listUploads(new Request(`${base}/uploads`, { headers: bearer('aif_nope') }));
    expect((await unknown.json()).error).toMatchObject({
      status: 401,
      message: 'The bearer token is invalid.',
    });
  });

  test('tokens created without scopes keep every scope; the audit event records scopes and expiry', async () => {
    const org = await createOrgWithMember('owner');
    const all = await createApiToken(org, 'all');
    expect(all.scopes).toEqual(['read', 'write:usage', 'reports', 'manage:factors']);
    const event = (await eventsOf(org.orgId, 'api_token.created'))[0];
    expect(event?.metadata).toEqual({
      name: 'all',
      scopes: ['read', 'write:usage', 'reports', 'manage:factors'],
      expiresAt: null,
    });
  });
});
