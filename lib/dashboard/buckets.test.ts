import { describe, expect, it } from 'vitest';
import { bucketStarts } from './buckets';

describe('bucketStarts', () => {
  it('follows the range’s local calendar: a Paris year to date has twelve months, no December sliver', () => {
    // 1 Jan 2026 00:00 in Paris (UTC+1) is 2025-12-31T23:00Z; the range ends after 6 Dec 2026 local.
    const range = {
      from: new Date('2025-12-31T23:00:00Z'),
      to: new Date('2026-12-06T23:00:00Z'),
      timeZone: 'Europe/Paris',
    };
    const months = bucketStarts(range, 'month');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-01-01');
    expect(months[11]).toBe('2026-12-01');
  });

  it('keeps UTC ranges as before: the bucket of the last instant is the last one', () => {
    const range = { from: new Date('2026-07-01T00:00:00Z'), to: new Date('2026-10-01T00:00:00Z') };
    expect(bucketStarts(range, 'month')).toEqual(['2026-07-01', '2026-08-01', '2026-09-01']);
    // 2026-07-01 is a Wednesday: the first ISO week starts on Monday 2026-06-29; 14 weeks reach 2026-09-28.
    const weeks = bucketStarts(range, 'week');
    expect(weeks[0]).toBe('2026-06-29');
    expect(weeks.at(-1)).toBe('2026-09-28');
    expect(weeks).toHaveLength(14);
  });
});
