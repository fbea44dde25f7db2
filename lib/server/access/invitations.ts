import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { TOrgContext, TUserContext } from '@/lib/auth/actor';
import { inviteRefusal } from '@/lib/auth/member-rules';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../audit/audit-events';

// One-time invitation links (docs/SECURITY.md "Invitations"): `inv_` + 32 random bytes; only the SHA-256 is stored.
const INVITATION_PREFIX = 'inv_';
/** How long a link stays valid. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type TInvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

export interface TInvitationDto {
  id: string;
  email: string;
  role: Role;
  status: TInvitationStatus;
  expiresAt: Date;
  createdAt: Date;
}

export function statusOf(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
) {
  if (row.acceptedAt) {
    return 'accepted';
  }
  if (row.revokedAt) {
    return 'revoked';
  }
  return row.expiresAt <= now ? 'expired' : 'pending';
}

/** Creates an invitation; returns the plaintext token once (the caller builds the link). */
/** How long an expired, unused invitation stays listed (as `expired`) before the next invitation deletes it. */
export const INVITATION_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export async function createInvitation(
  ctx: Pick<TUserContext, 'orgId' | 'actor'>,
  input: { email: string; role: Role },
  now: Date,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const prisma = getPrisma();
  const actor = await prisma.membership.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId: ctx.actor.userId } },
    select: { role: true },
  });
  const refusal = inviteRefusal(actor?.role ?? 'viewer', input.role);
  if (refusal) {
    throw new AppError('FORBIDDEN', refusal);
  }
  const existing = await prisma.membership.findFirst({
    where: { orgId: ctx.orgId, user: { email: input.email } },
    select: { id: true },
  });
  if (existing) {
    throw new AppError('CONFLICT', `${input.email} is already a member of this organisation.`);
  }
  const token = INVITATION_PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const id = await prisma.$transaction(async (tx) => {
    // Clean-up: links that were never used and expired more than INVITATION_RETENTION_MS ago are deleted (they
    // can no longer be accepted anyway; the audit log keeps invitation.created with the email and role).
    await tx.invitation.deleteMany({
      where: {
        orgId: ctx.orgId,
        acceptedAt: null,
        expiresAt: { lt: new Date(now.getTime() - INVITATION_RETENTION_MS) },
      },
    });
    const row = await tx.invitation.create({
      data: {
        orgId: ctx.orgId,
        email: input.email,
        role: input.role,
        tokenHash: hashInvitationToken(token),
        invitedByUserId: ctx.actor.userId,
        expiresAt,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, ctx, {
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: row.id,
      metadata: { email: input.email, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    return row.id;
  });
  return { id, token, expiresAt };
}

/** The organisation's 50 newest invitations with their status at `now`. */
export async function findInvitations(ctx: { orgId: string }, now: Date): Promise<TInvitationDto[]> {
  const rows = await getPrisma().invitation.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      acceptedAt: true,
      revokedAt: true,
    },
  });
  return rows.map(({ acceptedAt, revokedAt, ...rest }) => ({
    ...rest,
    status: statusOf({ acceptedAt, revokedAt, expiresAt: rest.expiresAt }, now),
  }));
}

/** Revokes a pending invitation of the organisation; anything else (foreign, used, revoked) is NOT_FOUND. */
export async function revokeInvitation(
  ctx: Pick<TOrgContext, 'orgId' | 'actor'>,
  invitationId: string,
  now: Date,
) {
  await getPrisma().$transaction(async (tx) => {
    const result = await tx.invitation.updateMany({
      where: { id: invitationId, orgId: ctx.orgId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (result.count === 0) {
      throw new AppError('NOT_FOUND', 'No open invitation with that id in this organisation.');
    }
    await recordAuditEvent(tx, ctx, {
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: invitationId,
    });
  });
}

export interface TInvitationView {
  orgName: string;
  email: string;
  role: Role;
  status: TInvitationStatus;
}

/**
 * What the public /invite/[token] page shows; null for an unknown token. Deliberately not whether the invited
 * email has an account: the holder of the link must not learn it (docs/SECURITY.md "Invitations").
 */
export async function getInvitationByToken(token: string, now: Date): Promise<TInvitationView | null> {
  const prisma = getPrisma();
  const row = await prisma.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      org: { select: { name: true } },
    },
  });
  if (!row) {
    return null;
  }
  return { orgName: row.org.name, email: row.email, role: row.role, status: statusOf(row, now) };
}

/** Whether an account with this email exists (the accept action decides, after the password was submitted). */
export async function accountExists(email: string): Promise<boolean> {
  return (await getPrisma().user.count({ where: { email } })) > 0;
}
