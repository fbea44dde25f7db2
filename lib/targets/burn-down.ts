import { computeUsedPct, crossedThresholds, type TBudgetThresholdPct } from './budget-thresholds';
import { elapsedShare } from './target-periods';

/** Emissions of one local day of the budget period, kg CO2e (records apportioned by time share). */
export interface TBurnDay {
  /** Local date YYYY-MM-DD. */
  day: string;
  start: Date;
  end: Date;
  kgCo2e: number;
}

export interface TBurnPoint {
  day: string;
  /** Cumulative actual at the day's end; null for days that have not started. */
  cumulativeKgCo2e: number | null;
  /** Linear allowance: budget × share of the period elapsed at the day's end. */
  allowanceKgCo2e: number;
  budgetKgCo2e: number;
}

export interface TBurnDown {
  points: TBurnPoint[];
  actualKgCo2e: number;
  budgetKgCo2e: number;
  usedPct: number;
  elapsedShare: number;
  /** Budget × elapsed share at `now`: what a linear burn would have used so far. */
  allowanceNowKgCo2e: number;
  /** Actual / elapsed share (flat run rate to the period end); null before the period starts. */
  projectedEndKgCo2e: number | null;
  projectedUsedPct: number | null;
  crossed: TBudgetThresholdPct[];
}

/**
 * Burn-down of a budget over its period (docs/TARGETS.md): cumulative actual per day vs the budget line vs the
 * linear allowance, and the end-of-period projection at the current run rate. Pure: `now` is an argument.
 */
export function computeBurnDown(
  days: readonly TBurnDay[],
  budgetKgCo2e: number,
  period: { start: Date; end: Date },
  now: Date,
): TBurnDown {
  const lengthMs = period.end.getTime() - period.start.getTime();
  let cumulative = 0;
  const points = days.map((d) => {
    cumulative += d.kgCo2e;
    const started = d.start.getTime() <= now.getTime();
    return {
      day: d.day,
      cumulativeKgCo2e: started ? cumulative : null,
      allowanceKgCo2e: (budgetKgCo2e * (d.end.getTime() - period.start.getTime())) / lengthMs,
      budgetKgCo2e,
    };
  });
  const share = elapsedShare(period, now);
  const projectedEndKgCo2e = share > 0 ? cumulative / share : null;
  return {
    points,
    actualKgCo2e: cumulative,
    budgetKgCo2e,
    usedPct: computeUsedPct(cumulative, budgetKgCo2e),
    elapsedShare: share,
    allowanceNowKgCo2e: budgetKgCo2e * share,
    projectedEndKgCo2e,
    projectedUsedPct: projectedEndKgCo2e === null ? null : computeUsedPct(projectedEndKgCo2e, budgetKgCo2e),
    crossed: crossedThresholds(cumulative, budgetKgCo2e),
  };
}
