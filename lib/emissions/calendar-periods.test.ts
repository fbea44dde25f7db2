import { describe, expect, it } from 'vitest';
import { calendarPeriod, parsePeriodKey, periodContaining } from './calendar-periods';

const d = (iso: string) => new Date(iso);

// Europe/Paris: CET (UTC+1) in winter, CEST (UTC+2) from the last Sunday of March (29 March 2026) to the last
// Sunday of October (25 October 2026). Local midnight is therefore 23:00Z the day before in winter, 22:00Z in summer.
describe('calendar periods (targets and reports share one implementation)', () => {
  it('a quarter that starts in winter and ends in summer time in Europe/Paris', () => {
    const q1 = calendarPeriod(2026, 1, 'Europe/Paris');
    expect(q1).toEqual({
      key: '2026-Q1',
      kind: 'quarter',
      year: 2026,
      quarter: 1,
      start: d('2025-12-31T23:00:00Z'), // 1 Jan 00:00 CET
      end: d('2026-03-31T22:00:00Z'), // 1 Apr 00:00 CEST (DST began 29 Mar)
      timeZone: 'Europe/Paris',
    });
    // 90 days minus the hour lost at the spring-forward change.
    expect(q1.end.getTime() - q1.start.getTime()).toBe((90 * 24 - 1) * 3_600_000);
  });

  it('Q4 in Europe/Paris starts in summer time and ends in winter time', () => {
    const q4 = calendarPeriod(2026, 4, 'Europe/Paris');
    expect(q4.start).toEqual(d('2026-09-30T22:00:00Z')); // 1 Oct 00:00 CEST
    expect(q4.end).toEqual(d('2026-12-31T23:00:00Z')); // 1 Jan 2027 00:00 CET
    // 92 days plus the hour gained at the fall-back change (25 Oct).
    expect(q4.end.getTime() - q4.start.getTime()).toBe((92 * 24 + 1) * 3_600_000);
  });

  it('a year in Europe/Paris and in UTC', () => {
    expect(calendarPeriod(2026, null, 'Europe/Paris')).toEqual({
      key: '2026',
      kind: 'year',
      year: 2026,
      quarter: null,
      start: d('2025-12-31T23:00:00Z'),
      end: d('2026-12-31T23:00:00Z'),
      timeZone: 'Europe/Paris',
    });
    const utc = calendarPeriod(2026, null, 'UTC');
    expect([utc.start, utc.end]).toEqual([d('2026-01-01T00:00:00Z'), d('2027-01-01T00:00:00Z')]);
  });

  it('parses "YYYY-Qn" and "YYYY" keys; anything else is null', () => {
    expect(parsePeriodKey('2026-Q2', 'Europe/Paris')).toEqual(calendarPeriod(2026, 2, 'Europe/Paris'));
    expect(parsePeriodKey('2026', 'UTC')).toEqual(calendarPeriod(2026, null, 'UTC'));
    for (const bad of ['2026-Q5', '2026-Q0', '26-Q1', '2026Q1', '2026-q1', ' 2026', '']) {
      expect(parsePeriodKey(bad, 'UTC')).toBeNull();
    }
  });

  it('the period containing an instant follows the local calendar', () => {
    // 31 Mar 2026 22:30Z is 1 Apr 00:30 in Paris (Q2) but still 31 Mar in UTC (Q1).
    expect(periodContaining(d('2026-03-31T22:30:00Z'), 'quarter', 'Europe/Paris').key).toBe('2026-Q2');
    expect(periodContaining(d('2026-03-31T22:30:00Z'), 'quarter', 'UTC').key).toBe('2026-Q1');
    // 31 Dec 2026 23:30Z is already 2027 in Paris.
    expect(periodContaining(d('2026-12-31T23:30:00Z'), 'year', 'Europe/Paris')).toEqual(
      calendarPeriod(2027, null, 'Europe/Paris'),
    );
  });
});
