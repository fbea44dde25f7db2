import { localDay, quarterBounds } from '@/lib/emissions/quarters';
import { isoDay, type TDateRange } from './date-range';

/**
 * How much of a period the organisation's data covers (issue #23 "Periods"). The data span is first record start
 * to last record start (lib/server/dashboard/emission-summaries.ts); pure, `now` is passed in.
 */

const DAY_MS = 86_400_000;

/** A chart bucket: `partial` = still under way today; `no-data` = wholly outside the data span; else `complete`. */
export type TBucketCoverage = 'complete' | 'partial' | 'no-data';

export function bucketCoverage(
  bucket: { from: Date; to: Date },
  now: Date,
  dataSpan: { from: Date; to: Date } | null,
): TBucketCoverage {
  if (!dataSpan || bucket.to <= dataSpan.from || bucket.from >= dataSpan.to) {
    return bucket.to > now && bucket.from <= now ? 'partial' : 'no-data';
  }
  return bucket.to > now ? 'partial' : 'complete';
}

/** Days of `period` with data: the overlap with the data span, in days, a started day counting whole. */
function coveredDays(period: TDateRange, dataSpan: { from: Date; to: Date } | null): number {
  if (!dataSpan) {
    return 0;
  }
  const from = Math.max(period.from.getTime(), dataSpan.from.getTime());
  const to = Math.min(period.to.getTime(), dataSpan.to.getTime());
  return to > from ? Math.ceil((to - from) / DAY_MS) : 0;
}

const lengthDays = (period: TDateRange) => Math.round((period.to.getTime() - period.from.getTime()) / DAY_MS);

export interface TComparisonCoverage {
  /** False when the two periods are not covered by data to the same extent: no percentage is shown then. */
  comparable: boolean;
  current: { coveredDays: number; days: number };
  previous: { coveredDays: number; days: number };
}

/**
 * Whether "change vs previous period" means anything: only when both periods are covered by data to the same
 * extent (the same share of their days, to within one day). A base with less coverage (data starts inside it)
 * inflates the change; a current period with less (data ends inside it) deflates it. Either way the page says so.
 */
export function comparisonCoverage(
  current: TDateRange,
  previous: TDateRange,
  dataSpan: { from: Date; to: Date } | null,
): TComparisonCoverage {
  const c = { coveredDays: coveredDays(current, dataSpan), days: lengthDays(current) };
  const p = { coveredDays: coveredDays(previous, dataSpan), days: lengthDays(previous) };
  const gapDays = Math.abs(c.coveredDays / c.days - p.coveredDays / p.days) * Math.max(c.days, p.days);
  return { comparable: c.coveredDays > 0 && p.coveredDays > 0 && gapDays <= 1, current: c, previous: p };
}

/** The quarters one may choose: from the one holding the first data to the current one, newest first. */
export function quarterChoices(
  dataSpan: { from: Date; to: Date } | null,
  now: Date,
  timeZone = 'UTC',
): { key: string; label: string }[] {
  const today = localDay(now, timeZone);
  const first = dataSpan ? localDay(dataSpan.from, timeZone) : today;
  const result: { key: string; label: string }[] = [];
  let index = today.year * 4 + Math.floor(today.month0 / 3);
  const last = Math.min(index, first.year * 4 + Math.floor(first.month0 / 3));
  for (; index >= last; index -= 1) {
    const q = quarterBounds(Math.floor(index / 4), ((index % 4) + 1) as 1 | 2 | 3 | 4, timeZone);
    result.push({ key: q.key, label: `Q${q.quarter} ${q.year}` });
  }
  return result;
}

/** Words a chart axis and its table give a bucket's coverage: "" for a complete one. */
export const BUCKET_COVERAGE_NOTE: Record<TBucketCoverage, string> = {
  complete: '',
  partial: 'partial',
  'no-data': 'no data',
};

/** "Nov 26 (no data)", "Dec 26 (partial)", "Oct 26". */
export function withCoverageNote(label: string, coverage: TBucketCoverage): string {
  return coverage === 'complete' ? label : `${label} (${BUCKET_COVERAGE_NOTE[coverage]})`;
}

/**
 * The data-coverage marker under the filters: where the organisation's data starts and ends, and whether the
 * chosen range reaches outside it ("nothing recorded after …"), so an empty end of a chart is not read as a drop.
 */
export function dataCoverageNote(
  range: TDateRange,
  dataSpan: { from: Date; to: Date } | null,
  timeZone = 'UTC',
): string {
  if (!dataSpan) {
    return 'No data recorded yet.';
  }
  const first = isoDay(dataSpan.from, timeZone);
  const last = isoDay(new Date(dataSpan.to.getTime() - 1), timeZone);
  const notes = [`Data from ${first} to ${last}`];
  if (range.from < dataSpan.from) {
    notes.push(`nothing recorded before ${first}`);
  }
  if (range.to > dataSpan.to) {
    notes.push(`nothing recorded after ${last} in this range`);
  }
  return `${notes.join(' · ')}.`;
}
