import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TUserActor } from '@/lib/auth/actor';
import { userActor } from '@/lib/auth/actor';
import type { Role } from '@/lib/generated/prisma/enums';
import { acceptInvitation } from '@/lib/server/access/invitation-accept';
import { createInvitation } from '@/lib/server/access/invitations';
import { changeMemberRole, removeMember } from '@/lib/server/access/members';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { createOrgWithMember } from '../support/org-factory';
import { createTestDatabase } from '../support/test-database';

// Issue #17 item 10: an invitation must not outlive its inviter's authority. Removing or demoting the inviter
// revokes their pending invitations that they could no longer issue, and acceptance re-checks the inviter's
// current role (only owners invite owners; only owners and admins invite at all).
const NOW = new Date('2026-12-01T10:00:00Z');
let owner: { orgId: string; userId: string; role: 'owner'; actor: TUserActor };

async function addMember(role: Role): Promise<string> {
  const suffix = randomUUID().slice(0, 8);
  const user = await getPrisma().user.create({
    data: { id: `user-${suffix}`, email: `member-${suffix}@example.test`, name: `Member ${suffix}` },
  });
  await getPrisma().membership.create({ data: { orgId: owner.orgId, userId: user.id, role } });
  return user.id;
}

const invite = (inviterId: string, role: Role) =>
  createInvitation(
    { orgId: owner.orgId, actor: userActor(inviterId) },
    { email: `invitee-${randomUUID().slice(0, 8)}@example.test`, role },
    NOW,
  );
const acceptAsNewUser = (token: string) =>
  acceptInvitation(token, { newUser: { name: 'New Person', passwordHash: 'not-a-real-hash' } }, NOW);
const invitationRow = (id: string) => getPrisma().invitation.findUniqueOrThrow({ where: { id } });
const membershipCount = () => getPrisma().membership.count({ where: { orgId: owner.orgId } });

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  owner = { ...(await createOrgWithMember('owner')), role: 'owner' };
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

describe('invitations follow the inviter', () => {
  test("a removed admin's pending invitations are revoked and cannot be accepted", async () => {
    const adminId = await addMember('admin');
    const asAdmin = await invite(adminId, 'admin');
    const asViewer = await invite(adminId, 'viewer');
    await removeMember(owner, adminId, NOW);
    expect((await invitationRow(asAdmin.id)).revokedAt).toEqual(NOW);
    expect((await invitationRow(asViewer.id)).revokedAt).toEqual(NOW);
    const before = await membershipCount();
    await expect(acceptAsNewUser(asAdmin.token)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await membershipCount()).toBe(before);
    const audit = await getPrisma().auditEvent.findFirstOrThrow({
      where: { orgId: owner.orgId, action: 'membership.removed', targetId: adminId },
    });
    expect(audit.metadata).toMatchObject({ invitationsRevoked: 2 });
  });

  test('demoting an owner to admin revokes their owner invitations only; an admin invitation still works', async () => {
    const secondOwnerId = await addMember('owner');
    const asOwner = await invite(secondOwnerId, 'owner');
    const asAdmin = await invite(secondOwnerId, 'admin');
    await changeMemberRole(owner, secondOwnerId, 'admin', NOW);
    expect((await invitationRow(asOwner.id)).revokedAt).toEqual(NOW);
    expect((await invitationRow(asAdmin.id)).revokedAt).toBeNull();
    await expect(acceptAsNewUser(asOwner.token)).rejects.toMatchObject({ code: 'CONFLICT' });
    const accepted = await acceptAsNewUser(asAdmin.token);
    const membership = await getPrisma().membership.findUniqueOrThrow({
      where: { orgId_userId: { orgId: owner.orgId, userId: accepted.userId } },
    });
    expect(membership.role).toBe('admin');
  });

  test('demoting an admin to editor revokes every pending invitation of theirs', async () => {
    const adminId = await addMember('admin');
    const asEditor = await invite(adminId, 'editor');
    await changeMemberRole(owner, adminId, 'editor', NOW);
    expect((await invitationRow(asEditor.id)).revokedAt).toEqual(NOW);
  });

  test("acceptance refuses a role above the inviter's current role, even if the invitation was not revoked", async () => {
    const secondOwnerId = await addMember('owner');
    const asOwner = await invite(secondOwnerId, 'owner');
    // A role change that did not go through lib/server/access/members.ts (e.g. an operator's SQL): nothing was revoked.
    await getPrisma().membership.update({
      where: { orgId_userId: { orgId: owner.orgId, userId: secondOwnerId } },
      data: { role: 'admin' },
    });
    const before = await membershipCount();
    await expect(acceptAsNewUser(asOwner.token)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('no longer allowed to grant the owner role'),
    });
    expect(await membershipCount()).toBe(before);
    expect(await getPrisma().user.count({ where: { email: (await invitationRow(asOwner.id)).email } })).toBe(
      0,
    );

    const adminId = await addMember('admin');
    const asViewer = await invite(adminId, 'viewer');
    await getPrisma().membership.delete({ where: { orgId_userId: { orgId: owner.orgId, userId: adminId } } });
    await expect(acceptAsNewUser(asViewer.token)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // +1 admin added, −1 admin removed, nobody joined.
    expect(await membershipCount()).toBe(before);
  });
});
