import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from './date-time';

describe('formatDateTime (the one date format of the UI)', () => {
  it('day, abbreviated month, year and 24-hour time in UTC', () => {
    // 19:05:42Z on 6 Dec 2026 → "6 Dec 2026, 19:05" whatever the server's own zone.
    expect(formatDateTime(new Date('2026-12-06T19:05:42Z'))).toBe('6 Dec 2026, 19:05');
    expect(formatDateTime(new Date('2026-01-01T00:00:00Z'))).toBe('1 Jan 2026, 00:00');
  });

  it('with seconds for the audit log', () => {
    expect(formatDateTime(new Date('2026-12-06T19:05:42Z'), { seconds: true })).toBe('6 Dec 2026, 19:05:42');
  });

  it('accepts ISO strings (DTOs from the server)', () => {
    expect(formatDateTime('2026-07-15T08:30:00.000Z')).toBe('15 Jul 2026, 08:30');
  });
});

describe('formatDay (calendar days: factor validity, purchase dates, plan completion)', () => {
  it('the UTC calendar day as YYYY-MM-DD', () => {
    expect(formatDay(new Date('2026-12-06T19:05:42Z'))).toBe('2026-12-06');
    // 23:30 on 31 Dec UTC is already 1 Jan in Paris, but the product shows UTC days.
    expect(formatDay(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(formatDay(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
  });
});
