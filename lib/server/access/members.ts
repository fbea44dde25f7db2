import 'server-only';
import type { TUserContext } from '@/lib/auth/actor';
import { inviteRefusal, memberChangeRefusal } from '@/lib/auth/member-rules';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { getPrisma } from '@/lib/server/db/prisma';
import { executeSql, sql } from '@/lib/server/db/sql';
import { recordAuditEvent } from '../audit/audit-events';

export interface TMemberDto {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
}

/** Members of the organisation, owners first, then by email. */
export async function findMembers(ctx: { orgId: string }): Promise<TMemberDto[]> {
  const rows = await getPrisma().membership.findMany({
    where: { orgId: ctx.orgId },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  const order: Role[] = ['owner', 'admin', 'editor', 'auditor', 'viewer'];
  return rows
    .map((r) => ({
      userId: r.user.id,
      name: r.user.name,
      email: r.user.email,
      role: r.role,
      joinedAt: r.createdAt,
    }))
    .sort((x, y) => order.indexOf(x.role) - order.indexOf(y.role) || x.email.localeCompare(y.email));
}

/**
 * Loads actor and target memberships under a per-organisation row lock (so two concurrent demotions cannot both
 * see "another owner remains"), applies the rules of lib/auth/member-rules.ts with fresh roles, and returns them.
 */
async function lockAndCheck(
  tx: Prisma.TransactionClient,
  ctx: Pick<TUserContext, 'orgId' | 'actor'>,
  targetUserId: string,
  newRole: Role | null,
) {
  await executeSql(tx, sql`SELECT id FROM organization WHERE id = ${ctx.orgId}::uuid FOR UPDATE`);
  // One after the other, not Promise.all: an interactive transaction holds ONE pg client, and overlapping queries
  // on it are queued by pg with a DeprecationWarning (rejected from pg 9). tests/integration/pg-overlap.test.ts.
  const actor = await tx.membership.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId: ctx.actor.userId } },
  });
  const target = await tx.membership.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId: targetUserId } },
    select: { role: true, user: { select: { email: true } } },
  });
  const ownerCount = await tx.membership.count({ where: { orgId: ctx.orgId, role: 'owner' } });
  if (!target) {
    throw new AppError('NOT_FOUND', 'No member with that id in this organisation.');
  }
  if (!actor) {
    throw new AppError('FORBIDDEN', 'You are no longer a member of this organisation.');
  }
  const refusal = memberChangeRefusal({
    actorRole: actor.role,
    targetRole: target.role,
    newRole,
    ownerCount,
  });
  if (refusal) {
    throw new AppError(refusal.startsWith('The last owner') ? 'CONFLICT' : 'FORBIDDEN', refusal);
  }
  return target;
}

/**
 * A session carries no organisation or role: lib/server/access/auth-context.ts re-reads the memberships on every request, so a
 * role change applies to the member's next request and a removal ends their access to THAT organisation at once
 * (a session whose active organisation it was falls back to another membership), while their sessions in the
 * other organisations stay valid. Only a user left with no organisation is signed out (sessions deleted).
 * Returns how many sessions ended.
 */
async function endSessionsIfNoOrganisationLeft(
  tx: Prisma.TransactionClient,
  userId: string,
): Promise<number> {
  if ((await tx.membership.count({ where: { userId } })) > 0) {
    return 0;
  }
  return (await tx.session.deleteMany({ where: { userId } })).count;
}

/**
 * Revokes the pending invitations `inviterId` created in the organisation that they could no longer issue with
 * `role` (null = no longer a member: all of them), so a link does not outlive its inviter's authority (issue #17).
 * Acceptance re-checks the inviter's role too (lib/server/access/invitation-accept.ts). Returns how many were revoked.
 */
async function revokeInvitationsBeyond(
  tx: Prisma.TransactionClient,
  orgId: string,
  inviterId: string,
  role: Role | null,
  now: Date,
): Promise<number> {
  const pending = await tx.invitation.findMany({
    where: { orgId, invitedByUserId: inviterId, acceptedAt: null, revokedAt: null },
    select: { id: true, role: true },
  });
  const ids = pending.filter((i) => role === null || inviteRefusal(role, i.role) !== null).map((i) => i.id);
  if (ids.length === 0) {
    return 0;
  }
  return (await tx.invitation.updateMany({ where: { orgId, id: { in: ids } }, data: { revokedAt: now } }))
    .count;
}

/**
 * Changes a member's role; audited; applies from the member's next request (sessions stay); their pending invitations
 * the new role could not issue are revoked. Same role = no change.
 */
export async function changeMemberRole(
  ctx: Pick<TUserContext, 'orgId' | 'actor'>,
  targetUserId: string,
  newRole: Role,
  now: Date = new Date(),
): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const target = await lockAndCheck(tx, ctx, targetUserId, newRole);
    if (target.role === newRole) {
      return;
    }
    await tx.membership.update({
      where: { orgId_userId: { orgId: ctx.orgId, userId: targetUserId } },
      data: { role: newRole },
    });
    const invitationsRevoked = await revokeInvitationsBeyond(tx, ctx.orgId, targetUserId, newRole, now);
    await recordAuditEvent(tx, ctx, {
      action: 'membership.role_changed',
      targetType: 'user',
      targetId: targetUserId,
      metadata: {
        email: target.user.email,
        from: target.role,
        to: newRole,
        invitationsRevoked,
      },
    });
  });
}

/**
 * Removes a member: membership deleted, their tokens and pending invitations in this organisation revoked; their
 * sessions end only when no organisation is left (see endSessionsIfNoOrganisationLeft).
 */
export async function removeMember(
  ctx: Pick<TUserContext, 'orgId' | 'actor'>,
  targetUserId: string,
  now: Date,
): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const target = await lockAndCheck(tx, ctx, targetUserId, null);
    await tx.membership.delete({ where: { orgId_userId: { orgId: ctx.orgId, userId: targetUserId } } });
    const tokens = await tx.apiToken.updateMany({
      where: { orgId: ctx.orgId, userId: targetUserId, revokedAt: null },
      data: { revokedAt: now },
    });
    const sessionsRevoked = await endSessionsIfNoOrganisationLeft(tx, targetUserId);
    const invitationsRevoked = await revokeInvitationsBeyond(tx, ctx.orgId, targetUserId, null, now);
    await recordAuditEvent(tx, ctx, {
      action: 'membership.removed',
      targetType: 'user',
      targetId: targetUserId,
      metadata: {
        email: target.user.email,
        role: target.role,
        tokensRevoked: tokens.count,
        sessionsRevoked,
        invitationsRevoked,
      },
    });
  });
}
