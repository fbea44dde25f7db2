import { describe, expect, test } from 'vitest';
import {
  authenticatedBuckets,
  DEFAULT_RATE_LIMITS,
  decide,
  ipBuckets,
  rateLimitHeaders,
  windowStartOf,
} from './rate-limit-policy';

const config = { windowS: 60, perToken: 10, perOrg: 20, perIp: 5 };

describe('rate limit policy', () => {
  test('windows are aligned to the epoch so every process agrees', () => {
    expect(windowStartOf(new Date('2026-11-29T20:41:59.999Z'), 60).toISOString()).toBe(
      '2026-11-29T20:41:00.000Z',
    );
    expect(windowStartOf(new Date('2026-11-29T20:41:00.000Z'), 3600).toISOString()).toBe(
      '2026-11-29T20:00:00.000Z',
    );
  });

  test('buckets: token (or session user) and organisation; 0 disables a limit', () => {
    expect(authenticatedBuckets(config, { orgId: 'o', userId: 'u', tokenId: 't' })).toEqual([
      { key: 'token:t', limit: 10 },
      { key: 'org:o', limit: 20 },
    ]);
    expect(authenticatedBuckets({ ...config, perOrg: 0 }, { orgId: 'o', userId: 'u' })).toEqual([
      { key: 'user:u:o', limit: 10 },
    ]);
    expect(ipBuckets({ ...config, perIp: 0 }, '1.2.3.4')).toEqual([]);
    expect(DEFAULT_RATE_LIMITS.perToken).toBeLessThan(DEFAULT_RATE_LIMITS.perOrg);
  });

  test('the tightest bucket decides; over any limit means limited, with the seconds to the reset', () => {
    const buckets = authenticatedBuckets(config, { orgId: 'o', userId: 'u', tokenId: 't' });
    const start = new Date('2026-11-29T20:41:00Z');
    const now = new Date('2026-11-29T20:41:15.500Z');
    const ok = decide(
      buckets,
      new Map([
        ['token:t', 4],
        ['org:o', 18],
      ]),
      start,
      now,
      60,
    );
    expect(ok).toEqual({ limited: false, limit: 20, remaining: 2, resetS: 45, windowS: 60 });
    const over = decide(
      buckets,
      new Map([
        ['token:t', 11],
        ['org:o', 12],
      ]),
      start,
      now,
      60,
    );
    expect(over).toMatchObject({ limited: true, limit: 10, remaining: 0 });
    expect(decide([], new Map(), start, now, 60)).toBeNull();
    if (!ok || !over) {
      throw new Error('expected decisions');
    }
    expect(rateLimitHeaders(over)).toEqual({
      'RateLimit-Limit': '10',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '45',
      'RateLimit-Policy': '10;w=60',
      'Retry-After': '45',
    });
    expect(rateLimitHeaders(ok)).not.toHaveProperty('Retry-After');
  });
});
