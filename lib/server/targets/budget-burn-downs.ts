import 'server-only';
import { periodContaining, type TCalendarPeriod } from '@/lib/emissions/calendar-periods';
import type { TReportBudgetRow } from '@/lib/reports/targets-types';
import { computeUsedPct, crossedThresholds } from '@/lib/targets/budget-thresholds';
import { computeBurnDown, type TBurnDown } from '@/lib/targets/burn-down';
import { basisKgCo2e } from '@/lib/targets/target-metric';
import { periodsOfYears } from '@/lib/targets/target-periods';
import { findBudgets, type TBudgetDto } from './budgets';
import { findDailyEmissions, getOrgTimeZone, sumEmissionsInWindows } from './target-sums';

export interface TBudgetBurnDown {
  budget: TBudgetDto;
  period: { key: string; start: Date; end: Date };
  burn: TBurnDown;
}

/** A budget's current period (quarter or year containing `now`) and its daily emissions so far. */
export interface TBudgetBurnDownInput {
  budget: TBudgetDto;
  period: TCalendarPeriod;
  days: Awaited<ReturnType<typeof findDailyEmissions>>;
}

/**
 * The stored data behind the burn-downs: depends on `now` only through the periods containing it, so it can be
 * cached per (organisation data version, current periods); the burn itself is computed from it at view time.
 */
export async function findBudgetBurnDownInputs(
  ctx: { orgId: string },
  now: Date,
): Promise<TBudgetBurnDownInput[]> {
  const [budgets, timeZone] = await Promise.all([findBudgets(ctx), getOrgTimeZone(ctx)]);
  return Promise.all(
    budgets.map(async (budget) => {
      const period = periodContaining(now, budget.periodKind, timeZone);
      const days = await findDailyEmissions(ctx, {
        start: period.start,
        end: period.end,
        timeZone,
        teamId: budget.teamId,
        basis: budget.basis,
      });
      return { budget, period, days };
    }),
  );
}

/** Each budget's burn-down at `now` from its inputs (pure). */
export function toBudgetBurnDowns(inputs: TBudgetBurnDownInput[], now: Date): TBudgetBurnDown[] {
  return inputs.map(({ budget, period, days }) => ({
    budget,
    period: { key: period.key, start: period.start, end: period.end },
    burn: computeBurnDown(days, budget.amountKgCo2e, period, now),
  }));
}

/** Each budget's burn-down over its current period (quarter or year containing `now`), for the dashboard. */
export async function findBudgetBurnDowns(ctx: { orgId: string }, now: Date): Promise<TBudgetBurnDown[]> {
  return toBudgetBurnDowns(await findBudgetBurnDownInputs(ctx, now), now);
}

/** Budget rows of the report: each budget period overlapping the report period, measured up to its end. */
export async function findBudgetReportRows(
  ctx: { orgId: string },
  period: { start: Date; end: Date; year: number },
  timeZone: string,
  overlapping: (periods: TCalendarPeriod[]) => TCalendarPeriod[],
): Promise<TReportBudgetRow[]> {
  const budgets = await findBudgets(ctx);
  const rows = await Promise.all(
    budgets.map(async (b) => {
      const periods = overlapping(periodsOfYears(period.year, period.year, b.periodKind, timeZone));
      const windows = periods.map((p) => ({
        key: p.key,
        start: p.start,
        end: p.end.getTime() < period.end.getTime() ? p.end : period.end,
      }));
      const sums = await sumEmissionsInWindows(ctx, windows, b.teamId);
      return windows.map((w): TReportBudgetRow => {
        const s = sums.get(w.key);
        const actualKgCo2e = s ? basisKgCo2e(s, b.basis) : 0;
        return {
          budgetId: b.id,
          team: b.teamName,
          basis: b.basis,
          periodKey: w.key,
          windowStart: w.start.toISOString(),
          windowEnd: w.end.toISOString(),
          budgetKgCo2e: b.amountKgCo2e,
          actualKgCo2e,
          usedPct: computeUsedPct(actualKgCo2e, b.amountKgCo2e),
          records: s?.records ?? 0,
          // The alerts' own evaluation (lib/server/targets/budget-alerts.ts), not the alerts stored so far: those
          // are only written when a request evaluates the current period, so a past quarter at 97 % said "none".
          alertedPct: [...crossedThresholds(actualKgCo2e, b.amountKgCo2e)],
        };
      });
    }),
  );
  return rows.flat();
}
