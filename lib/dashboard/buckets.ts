import type { TBucket, TDateRange } from './date-range';

/**
 * Bucket starts (YYYY-MM-DD, UTC) covering a range, matching the SQL generate_series in
 * lib/server/dashboard/dashboard-trends.ts: the first bucket is the one containing range.from (weeks start on Monday).
 */
export function bucketStarts(range: TDateRange, bucket: TBucket): string[] {
  const from = range.from;
  let cursor: Date;
  if (bucket === 'month') {
    cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  } else {
    cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
    if (bucket === 'week') {
      const sinceMonday = (cursor.getUTCDay() + 6) % 7;
      cursor = new Date(cursor.getTime() - sinceMonday * 86_400_000);
    }
  }
  const result: string[] = [];
  while (cursor < range.to) {
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
