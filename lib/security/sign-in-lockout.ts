// Temporary lockout after repeated failed sign-ins (issue #7). Pure: attempts and `now` come in.
// Rule: 5 failures for one email within 15 minutes (none succeeded since) lock that email for 15 minutes from the
// last failure. Refused attempts during a lockout are not failures, so retrying does not extend it.

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export type TSignInOutcome = 'succeeded' | 'failed' | 'locked';

export interface TLockoutState {
  locked: boolean;
  /** Whole minutes until the next attempt is accepted (≥ 1 when locked). */
  retryAfterMinutes: number;
}

export function lockoutState(
  attempts: readonly { outcome: string; createdAt: Date }[],
  now: Date,
): TLockoutState {
  const since = now.getTime() - LOCKOUT_WINDOW_MS;
  const lastSuccess = Math.max(
    -Infinity,
    ...attempts.filter((a) => a.outcome === 'succeeded').map((a) => a.createdAt.getTime()),
  );
  const failures = attempts
    .filter((a) => a.outcome === 'failed')
    .map((a) => a.createdAt.getTime())
    .filter((t) => t > since && t > lastSuccess && t <= now.getTime());
  if (failures.length < MAX_FAILED_SIGN_INS) {
    return { locked: false, retryAfterMinutes: 0 };
  }
  const unlockAt = Math.max(...failures) + LOCKOUT_WINDOW_MS;
  return { locked: true, retryAfterMinutes: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000)) };
}

export function lockoutMessage(minutes: number): string {
  return `Too many failed attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
