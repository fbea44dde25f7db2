// Temporary lockout after repeated failed sign-ins (issue #7). Pure: attempts and `now` come in.
// Rule: 5 failures for one email within 15 minutes (none succeeded since) lock that email for 15 minutes from the
// last failure. Refused attempts during a lockout are not failures, so retrying does not extend it.
// Per source IP as well: 20 failures from one IP within 15 minutes, whatever the emails (password spraying), lock
// that IP for 15 minutes from its last failure. A success does not reset the IP count (one valid account must not
// unlock guessing at all the others).

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILED_SIGN_INS_PER_IP = 20;

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

/** The same rule per source IP: failures only, successes do not reset it. */
export function ipLockoutState(
  attempts: readonly { outcome: string; createdAt: Date }[],
  now: Date,
): TLockoutState {
  const since = now.getTime() - LOCKOUT_WINDOW_MS;
  const failures = attempts
    .filter((a) => a.outcome === 'failed')
    .map((a) => a.createdAt.getTime())
    .filter((t) => t > since && t <= now.getTime());
  if (failures.length < MAX_FAILED_SIGN_INS_PER_IP) {
    return { locked: false, retryAfterMinutes: 0 };
  }
  const unlockAt = Math.max(...failures) + LOCKOUT_WINDOW_MS;
  return { locked: true, retryAfterMinutes: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000)) };
}

const minutesText = (minutes: number) => `${minutes} minute${minutes === 1 ? '' : 's'}`;

export function ipLockoutMessage(minutes: number): string {
  return `Too many failed sign-ins from your network; try again in ${minutesText(minutes)}.`;
}

export function lockoutMessage(minutes: number): string {
  return `Too many failed attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
