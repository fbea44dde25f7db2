import type { TDashboardFilters, TDateRangePreset } from '@/lib/schemas/dashboard-filters';

/**
 * Resolves a date-range preset into a half-open UTC interval [from, to). Pure: `now` comes from the request
 * (the page), never from Date.now(). Months, quarters and years are calendar periods in UTC; "this quarter"
 * and "year to date" end with today.
 */

export interface TDateRange {
  /** Inclusive start. */
  from: Date;
  /** Exclusive end. */
  to: Date;
}

export type TBucket = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;

const utc = (year: number, monthIndex: number, day = 1) => new Date(Date.UTC(year, monthIndex, day));

function startOfQuarter(now: Date): Date {
  return utc(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3);
}

function addMonths(date: Date, months: number): Date {
  return utc(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate());
}

/** Midnight UTC after `now` (so "to date" ranges include today). */
function endOfToday(now: Date): Date {
  return utc(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
}

/**
 * The interval for a preset. `last_12_months` = the current calendar month and the 11 before it, so monthly
 * buckets are whole months; `all` uses the data span (or today when there is no data).
 */
export function resolveDateRange(
  filters: Pick<TDashboardFilters, 'range' | 'from' | 'to'>,
  now: Date,
  dataSpan: TDateRange | null,
): TDateRange {
  const preset: TDateRangePreset = filters.range;
  switch (preset) {
    case 'this_quarter':
      // Quarter to date, so "change vs previous period" compares equal elapsed time, not a partial quarter.
      return { from: startOfQuarter(now), to: endOfToday(now) };
    case 'last_quarter': {
      const to = startOfQuarter(now);
      return { from: addMonths(to, -3), to };
    }
    case 'ytd':
      return { from: utc(now.getUTCFullYear(), 0), to: endOfToday(now) };
    case 'all': {
      if (!dataSpan) {
        return { from: utc(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()), to: endOfToday(now) };
      }
      // Whole days, so daily buckets line up.
      const from = utc(
        dataSpan.from.getUTCFullYear(),
        dataSpan.from.getUTCMonth(),
        dataSpan.from.getUTCDate(),
      );
      const last = new Date(dataSpan.to.getTime() - 1);
      return { from, to: utc(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate() + 1) };
    }
    case 'custom': {
      const fallback = resolveDateRange({ range: 'last_12_months' }, now, dataSpan);
      const from = filters.from ? new Date(`${filters.from}T00:00:00Z`) : fallback.from;
      // `to` is an inclusive day in the URL; the interval end is the next midnight.
      const to = filters.to ? new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) : fallback.to;
      return from < to ? { from, to } : { from: to, to: new Date(from.getTime() + DAY_MS) };
    }
    default: {
      const monthStart = utc(now.getUTCFullYear(), now.getUTCMonth());
      return { from: addMonths(monthStart, -11), to: addMonths(monthStart, 1) };
    }
  }
}

/** The period of equal length immediately before `range` (for "change vs previous period"). */
export function previousPeriod(range: TDateRange): TDateRange {
  const lengthMs = range.to.getTime() - range.from.getTime();
  return { from: new Date(range.from.getTime() - lengthMs), to: range.from };
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

/** YYYY-MM-DD of a UTC instant. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Human label of an interval with an exclusive end: "2025-12-01 – 2026-11-30". */
export function formatRange(range: TDateRange): string {
  return `${isoDay(range.from)} – ${isoDay(new Date(range.to.getTime() - 1))}`;
}
