import { describe, expect, test } from 'vitest';
import {
  ipLockoutMessage,
  ipLockoutState,
  lockoutMessage,
  lockoutState,
  MAX_FAILED_SIGN_INS_PER_IP,
} from './sign-in-lockout';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 12, minute));
const failed = (minute: number) => ({ outcome: 'failed', createdAt: at(minute) });

describe('sign-in lockout', () => {
  test('four failures: not locked; the fifth locks for 15 minutes from the last failure', () => {
    expect(lockoutState([1, 2, 3, 4].map(failed), at(5)).locked).toBe(false);
    expect(lockoutState([1, 2, 3, 4, 5].map(failed), at(5))).toEqual({ locked: true, retryAfterMinutes: 15 });
    expect(lockoutState([1, 2, 3, 4, 5].map(failed), at(12))).toEqual({ locked: true, retryAfterMinutes: 8 });
  });

  test('failures older than 15 minutes, or before a success, do not count', () => {
    expect(lockoutState([0, 1, 2, 3, 4].map(failed), at(19)).locked).toBe(false);
    const withSuccess = [
      ...[1, 2, 3].map(failed),
      { outcome: 'succeeded', createdAt: at(4) },
      ...[5, 6].map(failed),
    ];
    expect(lockoutState(withSuccess, at(7)).locked).toBe(false);
  });

  test('refused ("locked") attempts do not extend the lockout', () => {
    const attempts = [...[1, 2, 3, 4, 5].map(failed), { outcome: 'locked', createdAt: at(10) }];
    expect(lockoutState(attempts, at(20))).toEqual({ locked: false, retryAfterMinutes: 0 });
  });

  test('the message names the minutes', () => {
    expect(lockoutMessage(1)).toBe('Too many failed attempts; try again in 1 minute.');
    expect(lockoutMessage(15)).toBe('Too many failed attempts; try again in 15 minutes.');
  });
});

describe('ipLockoutState (per source IP)', () => {
  const at = (minutesAgo: number, outcome = 'failed') => ({
    outcome,
    createdAt: new Date(NOW_IP.getTime() - minutesAgo * 60_000),
  });
  const NOW_IP = new Date('2026-11-30T00:00:00Z');

  test(`locks after ${MAX_FAILED_SIGN_INS_PER_IP} failures within the window, 15 minutes from the last one`, () => {
    const failures = Array.from({ length: MAX_FAILED_SIGN_INS_PER_IP }, () => at(5));
    expect(ipLockoutState(failures.slice(1), NOW_IP).locked).toBe(false);
    expect(ipLockoutState(failures, NOW_IP)).toEqual({ locked: true, retryAfterMinutes: 10 });
  });

  test('a success from the same IP does not reset the count; old failures do not count', () => {
    const failures = Array.from({ length: MAX_FAILED_SIGN_INS_PER_IP }, () => at(5));
    expect(ipLockoutState([...failures, at(1, 'succeeded')], NOW_IP).locked).toBe(true);
    expect(
      ipLockoutState(
        failures.map(() => at(16)),
        NOW_IP,
      ).locked,
    ).toBe(false);
  });

  test('the message says it is the network, and when to retry', () => {
    expect(ipLockoutMessage(1)).toBe('Too many failed sign-ins from your network; try again in 1 minute.');
    expect(ipLockoutMessage(15)).toBe('Too many failed sign-ins from your network; try again in 15 minutes.');
  });
});
