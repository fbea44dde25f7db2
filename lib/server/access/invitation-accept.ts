import 'server-only';
import { randomUUID } from 'node:crypto';
import { userActor } from '@/lib/auth/actor';
import { inviteRefusal } from '@/lib/auth/member-rules';
import { AppError } from '@/lib/errors';
import { getPrisma } from '@/lib/server/db/prisma';
import { executeSql, queryRows, sql } from '@/lib/server/db/sql';
import { recordAuditEvent } from '../audit/audit-events';
import { hashInvitationToken, statusOf } from './invitations';

export type TAcceptAs =
  /** A user who proved their identity (signed in with the invited email's password). */
  | { existingUserId: string }
  /** No account yet: created with this name and (already scrypt-hashed) password. */
  | { newUser: { name: string; passwordHash: string } };

/**
 * Accepts an invitation exactly once (row lock; used, revoked or expired links are refused) and creates the
 * membership, and the account when `as.newUser`. The inviter must still be a member whose current role may issue
 * the invited role (issue #17: a removed or demoted admin's link must not grant what they no longer could).
 * Audited in the organisation. Returns the organisation id.
 */
export async function acceptInvitation(
  token: string,
  as: TAcceptAs,
  now: Date,
): Promise<{ orgId: string; userId: string }> {
  return getPrisma().$transaction(async (tx) => {
    const tokenHash = hashInvitationToken(token);
    // The organisation row first, shared: role changes and removals hold it FOR UPDATE (lib/server/access/members.ts), so
    // the inviter's role read below cannot change before this transaction commits; same lock order, no deadlock.
    await executeSql(
      tx,
      sql`SELECT o.id FROM organization o JOIN invitation i ON i.org_id = o.id
      WHERE i.token_hash = ${tokenHash} FOR SHARE OF o`,
    );
    const locked = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM invitation WHERE token_hash = ${tokenHash} FOR UPDATE`,
    );
    const row = locked[0] ? await tx.invitation.findUnique({ where: { id: locked[0].id } }) : null;
    if (!row) {
      throw new AppError('NOT_FOUND', 'This invitation link is not valid.');
    }
    const status = statusOf(row, now);
    if (status !== 'pending') {
      throw new AppError(
        'CONFLICT',
        `This invitation was ${status === 'expired' ? 'not used in time and has expired' : status}; ask for a new link.`,
      );
    }
    const inviter = row.invitedByUserId
      ? await tx.membership.findUnique({
          where: { orgId_userId: { orgId: row.orgId, userId: row.invitedByUserId } },
          select: { role: true },
        })
      : null;
    if (!inviter || inviteRefusal(inviter.role, row.role) !== null) {
      throw new AppError(
        'FORBIDDEN',
        `The person who invited you is no longer allowed to grant the ${row.role} role in this organisation; ask a current owner or admin for a new link.`,
      );
    }
    const existing = await tx.user.findUnique({ where: { email: row.email }, select: { id: true } });
    let userId: string;
    if ('existingUserId' in as) {
      if (!existing || existing.id !== as.existingUserId) {
        throw new AppError('FORBIDDEN', `This invitation is for ${row.email}.`);
      }
      userId = existing.id;
    } else {
      if (existing) {
        throw new AppError('CONFLICT', `An account for ${row.email} exists; accept with its password.`);
      }
      userId = randomUUID();
      await tx.user.create({
        data: { id: userId, email: row.email, name: as.newUser.name, emailVerified: true },
      });
      await tx.account.create({
        data: {
          id: randomUUID(),
          accountId: userId,
          providerId: 'credential',
          userId,
          password: as.newUser.passwordHash,
        },
      });
    }
    const member = await tx.membership.findUnique({ where: { orgId_userId: { orgId: row.orgId, userId } } });
    if (member) {
      throw new AppError('CONFLICT', `${row.email} is already a member of this organisation.`);
    }
    await tx.membership.create({ data: { orgId: row.orgId, userId, role: row.role } });
    await tx.invitation.update({ where: { id: row.id }, data: { acceptedAt: now, acceptedUserId: userId } });
    await recordAuditEvent(
      tx,
      { orgId: row.orgId, actor: userActor(userId) },
      {
        action: 'invitation.accepted',
        targetType: 'invitation',
        targetId: row.id,
        metadata: { email: row.email, role: row.role, newAccount: 'newUser' in as },
      },
    );
    return { orgId: row.orgId, userId };
  });
}
