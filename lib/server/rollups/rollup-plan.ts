import 'server-only';
import { isoDay, type TDateRange } from '@/lib/dashboard/date-range';
import { localDay, zonedDayStart } from '@/lib/emissions/quarters';
import { getPrisma } from '@/lib/server/db/prisma';

export { wholeMonthsOf } from '@/lib/dashboard/rollup-months';

/**
 * When a read can be answered from usage_rollup_daily (prisma/migrations/20261130040000_usage_rollups) instead
 * of the raw records. Rollups hold organisation-local days, so a range is answerable only when both ends are
 * local midnights in the organisation's CURRENT time zone; otherwise callers fall back to the raw records
 * (same results, slower). Filters on team, project, model, phase, region, provider and AI service are all rollup
 * dimensions.
 */
export interface TRollupDays {
  /** First local day (inclusive), YYYY-MM-DD. */
  fromDay: string;
  /** Local day after the last one (exclusive), YYYY-MM-DD. */
  toDay: string;
  timeZone: string;
}

/**
 * Where a read takes its figures from: 'rollups' (default; usage_rollup_daily / _monthly where the range allows,
 * raw records otherwise) or 'raw' (always the records). Both give the same figures; benchmarks and equivalence
 * tests pass 'raw' to time/compare the raw path. A per-call option, not process state, so concurrent reads with
 * different plans cannot affect each other.
 */
export type TReadPlan = 'rollups' | 'raw';

export async function getOrgTimeZone(ctx: { orgId: string }): Promise<string> {
  const org = await getPrisma().organization.findUnique({
    where: { id: ctx.orgId },
    select: { timeZone: true },
  });
  return org?.timeZone ?? 'UTC';
}

function isLocalMidnight(instant: Date, timeZone: string): boolean {
  const d = localDay(instant, timeZone);
  return zonedDayStart(d.year, d.month0, d.day, timeZone).getTime() === instant.getTime();
}

/** Pure part: the rollup days for `range` in `timeZone`, or null when an end is not a local midnight. */
export function rollupDaysFor(range: TDateRange, timeZone: string): TRollupDays | null {
  if (!isLocalMidnight(range.from, timeZone) || !isLocalMidnight(range.to, timeZone)) {
    return null;
  }
  return { fromDay: isoDay(range.from, timeZone), toDay: isoDay(range.to, timeZone), timeZone };
}

/**
 * The organisation id, optionally with the time zone the caller already read from the organisation in this
 * request (the dashboard page and the summary API do), which saves one round trip per query, and the read plan
 * (absent = 'rollups').
 */
export interface TRollupCtx {
  orgId: string;
  orgTimeZone?: string;
  readPlan?: TReadPlan;
}

/** The rollup days answering `range` for this organisation, or null (→ read raw records). */
export async function planRollupRead(ctx: TRollupCtx, range: TDateRange): Promise<TRollupDays | null> {
  if (ctx.readPlan === 'raw') {
    return null;
  }
  const timeZone = ctx.orgTimeZone ?? (await getOrgTimeZone(ctx));
  // A range built for another calendar (e.g. a UTC range for a Berlin organisation) may still align by chance
  // only at whole hours; buckets must follow the organisation's calendar, so require the same zone.
  if ((range.timeZone ?? 'UTC') !== timeZone) {
    return null;
  }
  return rollupDaysFor(range, timeZone);
}
