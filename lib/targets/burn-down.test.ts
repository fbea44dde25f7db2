import { describe, expect, test } from 'vitest';
import { periodContaining } from '@/lib/emissions/calendar-periods';
import { crossedThresholds } from './budget-thresholds';
import { computeBurnDown } from './burn-down';
import { signWebhookPayload, verifyWebhookSignature } from './webhook-signature';

const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const days = [10, 30, 50, 0].map((kgCo2e, i) => ({
  day: `2026-01-0${i + 1}`,
  start: day(i + 1),
  end: day(i + 2),
  kgCo2e,
}));

describe('computeBurnDown', () => {
  // A 4-day period, budget 100 kg, now = start of day 3 (half the period elapsed).
  const burn = computeBurnDown(days, 100, { start: day(1), end: day(5) }, day(3));

  test('cumulative actual, linear allowance and budget line per day', () => {
    expect(burn.points).toEqual([
      { day: '2026-01-01', cumulativeKgCo2e: 10, allowanceKgCo2e: 25, budgetKgCo2e: 100 },
      { day: '2026-01-02', cumulativeKgCo2e: 40, allowanceKgCo2e: 50, budgetKgCo2e: 100 },
      { day: '2026-01-03', cumulativeKgCo2e: 90, allowanceKgCo2e: 75, budgetKgCo2e: 100 },
      { day: '2026-01-04', cumulativeKgCo2e: null, allowanceKgCo2e: 100, budgetKgCo2e: 100 },
    ]);
  });

  test('used %, allowance so far, projection at the current run rate, thresholds', () => {
    expect(burn).toMatchObject({
      actualKgCo2e: 90,
      usedPct: 90,
      elapsedShare: 0.5,
      allowanceNowKgCo2e: 50,
      projectedEndKgCo2e: 180,
      projectedUsedPct: 180,
      crossed: [80],
    });
  });

  test('before the period starts there is no projection', () => {
    const early = computeBurnDown(
      days,
      100,
      { start: day(1), end: day(5) },
      new Date(Date.UTC(2025, 11, 31)),
    );
    expect(early.projectedEndKgCo2e).toBeNull();
    expect(early.points.every((p) => p.cumulativeKgCo2e === null)).toBe(true);
  });
});

describe('crossedThresholds', () => {
  test('80 % and 100 % of the budget, none for a zero budget', () => {
    expect(crossedThresholds(79.99, 100)).toEqual([]);
    expect(crossedThresholds(80, 100)).toEqual([80]);
    expect(crossedThresholds(100, 100)).toEqual([80, 100]);
    expect(crossedThresholds(250, 100)).toEqual([80, 100]);
    expect(crossedThresholds(5, 0)).toEqual([]);
  });
});

describe('periodContaining', () => {
  test('quarter and year in the organisation time zone', () => {
    const instant = new Date('2026-12-31T23:30:00Z');
    expect(periodContaining(instant, 'quarter', 'UTC').key).toBe('2026-Q4');
    // 00:30 on 1 January in Berlin: already the next year there.
    const berlin = periodContaining(instant, 'year', 'Europe/Berlin');
    expect(berlin.key).toBe('2027');
    expect(berlin.start.toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });
});

describe('webhook signature', () => {
  // Reference computed independently: printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
  const expected = 'sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789';

  test('HMAC-SHA256 over "<timestamp>.<body>"', () => {
    expect(signWebhookPayload('whsec_test', 1700000000, '{"a":1}')).toBe(expected);
  });

  test('verification: valid, altered body, wrong secret, stale timestamp', () => {
    const base = { secret: 'whsec_test', timestampSeconds: 1700000000, body: '{"a":1}', signature: expected };
    expect(verifyWebhookSignature({ ...base, nowSeconds: 1700000100 })).toBe(true);
    expect(verifyWebhookSignature({ ...base, body: '{"a":2}', nowSeconds: 1700000100 })).toBe(false);
    expect(verifyWebhookSignature({ ...base, secret: 'other', nowSeconds: 1700000100 })).toBe(false);
    expect(verifyWebhookSignature({ ...base, nowSeconds: 1700000301 })).toBe(false);
  });
});
