import type { TDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { isoDay, type TDateRange } from './date-range';

/**
 * The filters of one trend bucket's records (a trend bar → the records explorer, like a breakdown bar): the same
 * filters on a custom range of the bucket's days, cut to the chart's range. `bucketStart` and `nextStart` are the
 * YYYY-MM-DD bucket starts of lib/dashboard/buckets.ts (`nextStart` null for the last bucket). Pure.
 */
export function bucketRecordsFilters(
  filters: TDashboardFilters,
  range: TDateRange,
  bucketStart: string,
  nextStart: string | null,
): TDashboardFilters {
  const timeZone = range.timeZone ?? 'UTC';
  const rangeFirst = isoDay(range.from, timeZone);
  const rangeLast = isoDay(new Date(range.to.getTime() - 1), timeZone);
  const bucketLast = nextStart ? dayBefore(nextStart) : rangeLast;
  return {
    ...filters,
    range: 'custom',
    quarter: undefined,
    // ISO days compare as strings.
    from: [bucketStart, rangeFirst].sort()[1] ?? rangeFirst,
    to: [bucketLast, rangeLast].sort()[0] ?? rangeLast,
  };
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
