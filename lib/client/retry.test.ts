import { describe, expect, test } from 'vitest';
import { retryDelayMs } from './retry';

const now = Date.parse('2026-11-29T21:00:00Z');

describe('retryDelayMs', () => {
  test('429 and 503 wait Retry-After (seconds or HTTP date), capped', () => {
    expect(retryDelayMs(429, '7', 0, now)).toBe(7000);
    expect(retryDelayMs(503, 'Sun, 29 Nov 2026 21:00:30 GMT', 1, now)).toBe(30_000);
    expect(retryDelayMs(429, '3600', 0, now)).toBe(60_000);
    expect(retryDelayMs(429, '0', 0, now)).toBe(0);
  });

  test('without Retry-After: exponential backoff; other statuses and spent retries are not retried', () => {
    expect([0, 1, 2].map((attempt) => retryDelayMs(503, null, attempt, now))).toEqual([500, 1000, 2000]);
    expect(retryDelayMs(429, null, 3, now)).toBeNull();
    expect(retryDelayMs(500, '1', 0, now)).toBeNull();
    expect(retryDelayMs(200, null, 0, now)).toBeNull();
    expect(retryDelayMs(429, 'soon', 0, now, { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 100 })).toBe(10);
  });
});
