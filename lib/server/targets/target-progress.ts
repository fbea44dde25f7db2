import 'server-only';
import type { TCalendarPeriod } from '@/lib/emissions/calendar-periods';
import type { TTargetsReportInput } from '@/lib/reports/targets-types';
import { baseRestatement, type TBaseRestatement } from '@/lib/targets/base-restatement';
import { computeMetricValue } from '@/lib/targets/target-metric';
import { periodsOfYears, projectionHorizon } from '@/lib/targets/target-periods';
import { computeProgressRow, type TProgressRow } from '@/lib/targets/trajectory';
import { getDataEnd } from '../dashboard/emission-summaries';
import { findBudgetReportRows } from './budget-burn-downs';
import { getOrgTimeZone, sumEmissionsInWindows } from './target-sums';
import { computeBaseValue, findTargets, type TTargetDto } from './targets';

export interface TTargetProgressRow extends TProgressRow {
  records: number;
  windowStart: Date;
  windowEnd: Date;
}

export interface TTargetProgress {
  target: TTargetDto;
  rows: TTargetProgressRow[];
  /** Set when a computed base no longer matches the base year's records: the page asks to restate it. */
  restatement: TBaseRestatement | null;
}

/** The base the records give now (null when they give none, e.g. every base-year record was deleted). */
async function currentBaseValue(ctx: { orgId: string }, target: TTargetDto): Promise<number | null> {
  if (target.baseValueSource !== 'computed') {
    return null;
  }
  try {
    return (await computeBaseValue(ctx, target)).value;
  } catch {
    return null;
  }
}

/**
 * Progress of one target over `periods`, each measured on [period start, min(period end, horizon)) and judged
 * at the horizon: the cutoff or the end of the data, whichever is earlier (`projectionHorizon`); an unfinished
 * period is projected at its run rate up to there. The Targets page and the report both come through here.
 */
async function progressOver(
  ctx: { orgId: string },
  target: TTargetDto,
  periods: readonly TCalendarPeriod[],
  asked: Date,
): Promise<TTargetProgressRow[]> {
  const cutoff = projectionHorizon(asked, await getDataEnd(ctx));
  const windows = periods.map((p) => ({
    key: p.key,
    start: p.start,
    end: p.end.getTime() < cutoff.getTime() ? p.end : cutoff,
  }));
  const sums = await sumEmissionsInWindows(ctx, windows, target.teamId);
  return periods.map((p, i) => {
    const s = sums.get(p.key);
    const actual = s ? computeMetricValue(s, target.metric, target.basis) : null;
    const window = windows[i] ?? { start: p.start, end: p.end };
    return {
      ...computeProgressRow(target, p, actual, cutoff),
      records: s?.records ?? 0,
      windowStart: window.start,
      windowEnd: window.end,
    };
  });
}

/** Every target with its progress per period from the base year to now (or the target year), oldest first. */
export async function findTargetProgress(ctx: { orgId: string }, now: Date): Promise<TTargetProgress[]> {
  const [targets, timeZone] = await Promise.all([findTargets(ctx), getOrgTimeZone(ctx)]);
  return Promise.all(
    targets.map(async (target) => {
      const periods = periodsOfYears(target.baseYear, target.targetYear, target.periodKind, timeZone).filter(
        (p) => p.start.getTime() <= now.getTime(),
      );
      const [rows, baseNow] = await Promise.all([
        progressOver(ctx, target, periods, now),
        currentBaseValue(ctx, target),
      ]);
      return { target, rows, restatement: baseRestatement(target, baseNow) };
    }),
  );
}

/**
 * The report's "Targets and progress" input for a report period [start, end): targets whose base-to-target span
 * covers the period's year, each judged on its periods overlapping the report period, measured up to the report
 * period's end (so a frozen report is reproducible: no dependence on the clock). Budgets likewise.
 */
export async function getTargetsReportInput(
  ctx: { orgId: string },
  period: { start: Date; end: Date; year: number },
): Promise<TTargetsReportInput> {
  const [targets, timeZone] = await Promise.all([findTargets(ctx), getOrgTimeZone(ctx)]);
  const overlapping = (periods: TCalendarPeriod[]) =>
    periods.filter(
      (p) => p.start.getTime() < period.end.getTime() && p.end.getTime() > period.start.getTime(),
    );
  const targetRows = await Promise.all(
    targets
      .filter((t) => t.baseYear <= period.year && period.year <= t.targetYear)
      .map(async (t) => {
        const rows = await progressOver(
          ctx,
          t,
          overlapping(periodsOfYears(period.year, period.year, t.periodKind, timeZone)),
          period.end,
        );
        return rows.map((r) => ({
          targetId: t.id,
          name: t.name,
          scope: t.teamName ?? 'Organisation',
          metric: t.metric,
          basis: t.basis,
          unit: r.unit,
          periodKey: r.periodKey,
          windowStart: r.windowStart.toISOString(),
          windowEnd: r.windowEnd.toISOString(),
          baseYear: t.baseYear,
          baseValue: t.baseValue,
          baseValueSource: t.baseValueSource,
          targetYear: t.targetYear,
          targetValue: t.targetValue,
          trajectoryValue: r.trajectoryValue,
          actualValue: r.actualValue,
          projectedValue: r.projectedValue,
          gapPct: r.gapPct,
          status: r.status,
          complete: r.complete,
          records: r.records,
        }));
      }),
  );
  return {
    targets: targetRows.flat(),
    budgets: await findBudgetReportRows(ctx, period, timeZone, overlapping),
  };
}
