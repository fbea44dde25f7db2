import 'server-only';
import { userActor } from '@/lib/auth/actor';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  ipLockoutState,
  LOCKOUT_WINDOW_MS,
  lockoutState,
  type TLockoutState,
} from '@/lib/security/sign-in-lockout';
import { getPrisma } from '@/lib/server/db/prisma';
import { executeSql, sql } from '@/lib/server/db/sql';
import { recordAuditEvent } from '../audit/audit-events';

// Sign-in attempts per email and per client address (not per organisation: nobody is signed in yet). Used by the
// Better Auth hooks in lib/server/access/auth-server.ts, so both the sign-in form and POST /api/auth/sign-in/email are
// covered.
//
// Check and count are ONE step (issue #17): before the password is verified, `reserveSignInAttempt` takes
// transaction-scoped advisory locks on the email and on the address, counts the window, and either stores a
// 'pending' attempt (a reserved slot that counts as a failure) or refuses. After verification the slot becomes
// 'succeeded' or 'failed'. So 30 parallel guesses cannot all pass the check before any failure is stored: at most
// the threshold is ever evaluated. A slot left 'pending' by a crash keeps counting as a failure until it leaves the
// 15-minute window.

export interface TSignInAttemptInput {
  email: string;
  /** The client key from lib/security/client-ip.ts ('direct' when no trusted proxy is configured). */
  ipAddress: string | null;
  userAgent: string | null;
}

export type TSignInReservation =
  | { reserved: true; attemptId: string }
  | { reserved: false; code: 'SIGN_IN_LOCKED' | 'SIGN_IN_IP_LOCKED'; lockout: TLockoutState };

// First key of the two-key advisory locks taken here (the second is hashtext of the email or address): keeps these
// locks apart from any other advisory lock (the migration runner uses a one-key lock).
const SIGN_IN_LOCK_NAMESPACE = 7_117;

const normalise = (email: string) => email.trim().toLowerCase();

function cleaned(input: TSignInAttemptInput) {
  return {
    email: normalise(input.email),
    ipAddress: input.ipAddress?.slice(0, 100) ?? null,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
  };
}

/** A reserved slot counts as a failure until its password check is done. */
const counted = (a: { outcome: string; createdAt: Date }) => ({
  outcome: a.outcome === 'pending' ? 'failed' : a.outcome,
  createdAt: a.createdAt,
});

/**
 * An AuditEvent `auth.sign_in.<outcome>` in each organisation of the user the email belongs to (who, when, IP,
 * user agent; never the password). Nothing for an unknown email.
 */
async function auditSignIn(
  tx: Prisma.TransactionClient,
  attempt: { email: string; ipAddress: string | null; userAgent: string | null },
  outcome: 'succeeded' | 'failed' | 'locked',
  now: Date,
): Promise<void> {
  const user = await tx.user.findUnique({
    where: { email: attempt.email },
    select: { id: true, memberships: { select: { orgId: true } } },
  });
  if (!user || user.memberships.length === 0) {
    return;
  }
  for (const m of user.memberships) {
    await recordAuditEvent(
      tx,
      { orgId: m.orgId, actor: userActor(user.id) },
      {
        action: `auth.sign_in.${outcome}`,
        targetType: 'user',
        targetId: user.id,
        metadata: { email: attempt.email, ipAddress: attempt.ipAddress, userAgent: attempt.userAgent },
        at: now,
      },
    );
  }
}

/**
 * Checks the per-email and per-address lockouts and reserves an attempt slot, atomically. Refusals are stored
 * ('locked', audited) and are not failures. The time is read after the locks are held, so every slot reserved
 * before is inside this call's window.
 */
export async function reserveSignInAttempt(input: TSignInAttemptInput): Promise<TSignInReservation> {
  const attempt = cleaned(input);
  return getPrisma().$transaction(
    async (tx) => {
      // Email first, then address, in every call: no two calls wait on each other in opposite order.
      await executeSql(
        tx,
        sql`SELECT pg_advisory_xact_lock(${SIGN_IN_LOCK_NAMESPACE}::int, hashtext(${`email:${attempt.email}`}))`,
      );
      if (attempt.ipAddress) {
        await executeSql(
          tx,
          sql`SELECT pg_advisory_xact_lock(${SIGN_IN_LOCK_NAMESPACE}::int, hashtext(${`ip:${attempt.ipAddress}`}))`,
        );
      }
      const now = new Date();
      const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
      const byEmail = await tx.signInAttempt.findMany({
        where: { email: attempt.email, createdAt: { gt: since } },
        select: { outcome: true, createdAt: true },
      });
      let refusal: TSignInReservation | null = null;
      const emailLockout = lockoutState(byEmail.map(counted), now);
      if (emailLockout.locked) {
        refusal = { reserved: false, code: 'SIGN_IN_LOCKED', lockout: emailLockout };
      } else if (attempt.ipAddress) {
        const byIp = await tx.signInAttempt.findMany({
          where: {
            ipAddress: attempt.ipAddress,
            outcome: { in: ['failed', 'pending'] },
            createdAt: { gt: since },
          },
          select: { outcome: true, createdAt: true },
        });
        const ipLockout = ipLockoutState(byIp.map(counted), now);
        if (ipLockout.locked) {
          refusal = { reserved: false, code: 'SIGN_IN_IP_LOCKED', lockout: ipLockout };
        }
      }
      const row = await tx.signInAttempt.create({
        data: { ...attempt, outcome: refusal ? 'locked' : 'pending', createdAt: now },
        select: { id: true },
      });
      if (refusal) {
        await auditSignIn(tx, attempt, 'locked', now);
        return refusal;
      }
      return { reserved: true, attemptId: row.id };
    },
    // Parallel sign-ins queue on the advisory lock while holding a connection; each holds it for a few queries.
    { maxWait: 15_000, timeout: 15_000 },
  );
}

/**
 * Settles a reserved slot once the password was checked (keeps the reservation time) and audits it with the
 * email, address and user agent stored at reservation. A slot that is not pending any more is left alone.
 */
export async function completeSignInAttempt(
  attemptId: string,
  outcome: 'succeeded' | 'failed',
  now: Date,
): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const settled = await tx.signInAttempt.updateManyAndReturn({
      where: { id: attemptId, outcome: 'pending' },
      data: { outcome },
      select: { email: true, ipAddress: true, userAgent: true },
    });
    for (const attempt of settled) {
      await auditSignIn(tx, attempt, outcome, now);
    }
  });
}
