import 'server-only';
import { getPrisma } from '@/lib/db';
import {
  ipLockoutState,
  LOCKOUT_WINDOW_MS,
  lockoutState,
  type TLockoutState,
  type TSignInOutcome,
} from '@/lib/security/sign-in-lockout';

// Sign-in attempts per email (not per organisation: nobody is signed in yet). Used by the Better Auth hooks in
// lib/data/auth-server.ts, so both the sign-in form and POST /api/auth/sign-in/email are covered.

export interface TSignInAttemptInput {
  email: string;
  outcome: TSignInOutcome;
  ipAddress: string | null;
  userAgent: string | null;
}

const normalise = (email: string) => email.trim().toLowerCase();

/** Whether `email` may try to sign in now. */
export async function getSignInLockout(email: string, now: Date): Promise<TLockoutState> {
  const attempts = await getPrisma().signInAttempt.findMany({
    where: { email: normalise(email), createdAt: { gt: new Date(now.getTime() - LOCKOUT_WINDOW_MS) } },
    select: { outcome: true, createdAt: true },
  });
  return lockoutState(attempts, now);
}

/** Whether sign-ins from `ipAddress` are accepted now (never locked without a known IP). */
export async function getIpSignInLockout(ipAddress: string | null, now: Date): Promise<TLockoutState> {
  if (!ipAddress) {
    return { locked: false, retryAfterMinutes: 0 };
  }
  const attempts = await getPrisma().signInAttempt.findMany({
    where: {
      ipAddress: ipAddress.slice(0, 100),
      outcome: 'failed',
      createdAt: { gt: new Date(now.getTime() - LOCKOUT_WINDOW_MS) },
    },
    select: { outcome: true, createdAt: true },
  });
  return ipLockoutState(attempts, now);
}

/**
 * Stores the attempt and, when the email belongs to a user, an AuditEvent `auth.sign_in.<outcome>` in each of the
 * user's organisations (who, when, IP, user agent; never the password).
 */
export async function recordSignInAttempt(input: TSignInAttemptInput, now: Date): Promise<void> {
  const email = normalise(input.email);
  const ipAddress = input.ipAddress?.slice(0, 100) ?? null;
  const userAgent = input.userAgent?.slice(0, 500) ?? null;
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, memberships: { select: { orgId: true } } },
  });
  await prisma.$transaction([
    prisma.signInAttempt.create({
      data: { email, outcome: input.outcome, ipAddress, userAgent, createdAt: now },
    }),
    ...(user?.memberships ?? []).map((m) =>
      prisma.auditEvent.create({
        data: {
          orgId: m.orgId,
          actorUserId: user?.id ?? null,
          action: `auth.sign_in.${input.outcome}`,
          targetType: 'user',
          targetId: user?.id ?? null,
          metadata: { email, ipAddress, userAgent },
          createdAt: now,
        },
      }),
    ),
  ]);
}
