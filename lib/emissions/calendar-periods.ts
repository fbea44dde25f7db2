import { quarterBounds, quarterOf, zonedMonthStart } from './quarters';

/** Granularity of a report, target or budget period: a calendar quarter or a calendar year. */
export type TPeriodKind = 'quarter' | 'year';

/**
 * One reporting period (reports, targets, budgets): half-open [start, end) in the organisation's IANA time
 * zone. Key "2026-Q3" (a quarter) or "2026" (a year).
 */
export interface TCalendarPeriod {
  key: string;
  kind: TPeriodKind;
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  start: Date;
  end: Date;
  timeZone: string;
}

/** "2026-Q3" (a quarter) or "2026" (a full year). */
export const PERIOD_KEY_PATTERN = /^(\d{4})(?:-Q([1-4]))?$/;

/** Quarter `quarter` of `year`, or the whole year when `quarter` is null, in `timeZone`. */
export function calendarPeriod(
  year: number,
  quarter: 1 | 2 | 3 | 4 | null,
  timeZone: string,
): TCalendarPeriod {
  if (quarter !== null) {
    const q = quarterBounds(year, quarter, timeZone);
    return { key: q.key, kind: 'quarter', year, quarter, start: q.start, end: q.end, timeZone };
  }
  return {
    key: String(year),
    kind: 'year',
    year,
    quarter: null,
    start: zonedMonthStart(year, 0, timeZone),
    end: zonedMonthStart(year + 1, 0, timeZone),
    timeZone,
  };
}

/** The period named by `key` ("2026-Q3" or "2026") in `timeZone`; null when the key is malformed. */
export function parsePeriodKey(key: string, timeZone = 'UTC'): TCalendarPeriod | null {
  const match = PERIOD_KEY_PATTERN.exec(key);
  if (!match) {
    return null;
  }
  const quarter = match[2] ? (Number(match[2]) as 1 | 2 | 3 | 4) : null;
  return calendarPeriod(Number(match[1]), quarter, timeZone);
}

/** The quarter or year containing `instant` (local calendar in `timeZone`). */
export function periodContaining(instant: Date, kind: TPeriodKind, timeZone: string): TCalendarPeriod {
  const q = quarterOf(instant, timeZone);
  return calendarPeriod(q.year, kind === 'year' ? null : q.quarter, timeZone);
}
