import { localDay, zonedDayStart } from '@/lib/emissions/quarters';
import type { TDashboardFilters, TDateRangePreset } from '@/lib/schemas/dashboard-filters';

/**
 * Resolves a date-range preset into a half-open interval [from, to) of local midnights in the organisation's
 * time zone (the same calendar as reports and the daily rollups). Pure: `now` comes from the request (the page),
 * never from Date.now(). Months, quarters and years are calendar periods; "quarter to date" and "year to date" end
 * with today; no preset reaches past today (no future buckets).
 */

export interface TDateRange {
  /** Inclusive start. */
  from: Date;
  /** Exclusive end. */
  to: Date;
  /** IANA zone whose calendar the range and its buckets follow; absent = UTC. */
  timeZone?: string;
}

export type TBucket = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;

/** A calendar day; month0 and day may overflow (normalised when converted). */
interface TDay {
  year: number;
  month0: number;
  day: number;
}

function dayOf(instant: Date, timeZone: string): TDay {
  return localDay(instant, timeZone);
}

const earlier = (a: Date, b: Date): Date => new Date(Math.min(a.getTime(), b.getTime()));

function parseIsoDay(value: string): TDay {
  return {
    year: Number(value.slice(0, 4)),
    month0: Number(value.slice(5, 7)) - 1,
    day: Number(value.slice(8, 10)),
  };
}

/**
 * The interval for a preset. `last_12_months` = the 12 complete calendar months before the current one (the
 * current month is incomplete); `quarter` = the chosen quarter (to today if it is the current one; the last
 * complete quarter when absent or in the future); `all` uses the data span (or today when there is no data).
 */
export function resolveDateRange(
  filters: Pick<TDashboardFilters, 'range' | 'from' | 'to' | 'quarter'>,
  now: Date,
  dataSpan: TDateRange | null,
  timeZone = 'UTC',
): TDateRange {
  const at = (d: TDay) => zonedDayStart(d.year, d.month0, d.day, timeZone);
  const range = (from: TDay, to: TDay): TDateRange => ({ from: at(from), to: at(to), timeZone });
  const today = dayOf(now, timeZone);
  const tomorrow = { ...today, day: today.day + 1 };
  const quarterStart = { year: today.year, month0: Math.floor(today.month0 / 3) * 3, day: 1 };
  const preset: TDateRangePreset = filters.range;
  switch (preset) {
    case 'this_quarter':
      // Quarter to date, so "change vs previous period" compares equal elapsed time, not a partial quarter.
      return range(quarterStart, tomorrow);
    case 'last_quarter':
      return range({ ...quarterStart, month0: quarterStart.month0 - 3 }, quarterStart);
    case 'quarter': {
      const key = filters.quarter;
      const start = key
        ? { year: Number(key.slice(0, 4)), month0: (Number(key.slice(6)) - 1) * 3, day: 1 }
        : null;
      if (!start || at(start) > at(quarterStart)) {
        return range({ ...quarterStart, month0: quarterStart.month0 - 3 }, quarterStart);
      }
      const end = at({ ...start, month0: start.month0 + 3 });
      return { from: at(start), to: earlier(end, at(tomorrow)), timeZone };
    }
    case 'ytd':
      return range({ year: today.year, month0: 0, day: 1 }, tomorrow);
    case 'all': {
      if (!dataSpan) {
        return range(today, tomorrow);
      }
      // Whole local days, so daily buckets line up.
      const last = dayOf(new Date(dataSpan.to.getTime() - 1), timeZone);
      return range(dayOf(dataSpan.from, timeZone), { ...last, day: last.day + 1 });
    }
    case 'custom': {
      const fallback = resolveDateRange({ range: 'last_12_months' }, now, dataSpan, timeZone);
      const from = filters.from ? at(parseIsoDay(filters.from)) : fallback.from;
      // `to` is an inclusive day in the URL; the interval end is the next local midnight.
      const asked = filters.to
        ? at({ ...parseIsoDay(filters.to), day: parseIsoDay(filters.to).day + 1 })
        : at(tomorrow);
      // Never past today: days that have not happened have no data, only empty buckets.
      const to = earlier(asked, at(tomorrow));
      if (from < to) {
        return { from, to, timeZone };
      }
      const next = dayOf(from, timeZone);
      return { from: to, to: at({ ...next, day: next.day + 1 }), timeZone };
    }
    default: {
      // The 12 complete months: the current month is still under way, so it is left out.
      const monthStart = { year: today.year, month0: today.month0, day: 1 };
      return range({ ...monthStart, month0: monthStart.month0 - 12 }, monthStart);
    }
  }
}

/** Whole local calendar months from `range.from` to `range.to`, or null when either end is not a month start. */
function wholeMonths(range: TDateRange, timeZone: string): number | null {
  const start = dayOf(range.from, timeZone);
  const end = dayOf(range.to, timeZone);
  const isMonthStart = (d: TDay, instant: Date) =>
    d.day === 1 && zonedDayStart(d.year, d.month0, 1, timeZone).getTime() === instant.getTime();
  if (!isMonthStart(start, range.from) || !isMonthStart(end, range.to)) {
    return null;
  }
  return (end.year - start.year) * 12 + end.month0 - start.month0;
}

/**
 * The period immediately before `range` (for "change vs previous period"). Whole calendar months compare with the
 * same number of months before (a quarter with the previous quarter, as the report does); anything else with the
 * same number of local calendar days, so it also starts at a local midnight across daylight-saving changes.
 */
export function previousPeriod(range: TDateRange): TDateRange {
  const timeZone = range.timeZone ?? 'UTC';
  const months = wholeMonths(range, timeZone);
  if (months !== null && months > 0) {
    const start = dayOf(range.from, timeZone);
    return {
      from: zonedDayStart(start.year, start.month0 - months, 1, timeZone),
      to: range.from,
      timeZone: range.timeZone,
    };
  }
  const days = Math.round((range.to.getTime() - range.from.getTime()) / DAY_MS);
  const start = dayOf(range.from, timeZone);
  const from = zonedDayStart(start.year, start.month0, start.day - days, timeZone);
  const aligned =
    zonedDayStart(start.year, start.month0, start.day, timeZone).getTime() === range.from.getTime();
  if (!aligned) {
    const lengthMs = range.to.getTime() - range.from.getTime();
    return { from: new Date(range.from.getTime() - lengthMs), to: range.from, timeZone: range.timeZone };
  }
  return { from, to: range.from, timeZone: range.timeZone };
}

/** Bucket size by range length: ≤ 45 days daily, ≤ 180 days weekly (ISO weeks, Monday), otherwise monthly. */
export function chooseBucket(range: TDateRange): TBucket {
  const days = (range.to.getTime() - range.from.getTime()) / DAY_MS;
  if (days <= 45) {
    return 'day';
  }
  return days <= 180 ? 'week' : 'month';
}

/** Relative change (0.1 = +10 %), or null when the previous value is 0 (no meaningful percentage). */
export function relativeChange(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / Math.abs(previous);
}

/** YYYY-MM-DD of an instant in `timeZone` (default UTC). */
export function isoDay(date: Date, timeZone = 'UTC'): string {
  const d = localDay(date, timeZone);
  return `${String(d.year).padStart(4, '0')}-${String(d.month0 + 1).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Human label of an interval with an exclusive end, in its time zone: "2025-12-01 – 2026-11-30". */
export function formatRange(range: TDateRange): string {
  const tz = range.timeZone ?? 'UTC';
  return `${isoDay(range.from, tz)} – ${isoDay(new Date(range.to.getTime() - 1), tz)}`;
}
