import type { TBucket, TDateRange } from './date-range';

const LOCAL_DAY = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone, as a Date at 00:00 UTC of that day (bucket labels are days). */
function localDay(instant: Date, timeZone: string): Date {
  let format = LOCAL_DAY.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    LOCAL_DAY.set(timeZone, format);
  }
  return new Date(`${format.format(instant)}T00:00:00Z`);
}

/**
 * Bucket starts (YYYY-MM-DD, local days of the range's time zone) covering a range, matching the SQL
 * generate_series in lib/server/dashboard/dashboard-trends.ts (`AT TIME ZONE`): the first bucket is the one
 * containing range.from's local day, the last the one containing the local day of its last instant (weeks start
 * on Monday). A Paris year to date starts at 2025-12-31T23:00Z, which is 1 January there: no December bucket.
 */
export function bucketStarts(range: TDateRange, bucket: TBucket): string[] {
  const timeZone = range.timeZone ?? 'UTC';
  const from = localDay(range.from, timeZone);
  const lastDay = localDay(new Date(range.to.getTime() - 1), timeZone);
  let cursor: Date;
  if (bucket === 'month') {
    cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  } else {
    cursor = from;
    if (bucket === 'week') {
      const sinceMonday = (cursor.getUTCDay() + 6) % 7;
      cursor = new Date(cursor.getTime() - sinceMonday * 86_400_000);
    }
  }
  const result: string[] = [];
  while (cursor <= lastDay) {
    result.push(cursor.toISOString().slice(0, 10));
    cursor =
      bucket === 'month'
        ? new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1))
        : new Date(cursor.getTime() + (bucket === 'week' ? 7 : 1) * 86_400_000);
  }
  return result;
}

/** Built once (a formatter per label was a measurable share of an overview render). */
const MONTH_LABEL = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** Axis label of a bucket start: "Mar 26" for months, "2026-03-02" for days and weeks. */
export function bucketLabel(start: string, bucket: TBucket): string {
  if (bucket !== 'month') {
    return start;
  }
  const [year, month] = start.split('-').map(Number) as [number, number];
  return MONTH_LABEL.format(new Date(Date.UTC(year, month - 1, 1)));
}
