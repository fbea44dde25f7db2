import type { TCalendarPeriod } from '@/lib/emissions/calendar-periods';
import { TARGET_UNITS, type TTargetMetric } from './target-metric';
import { elapsedShare, periodMidpointYears } from './target-periods';

/** The trajectory's anchors: base value in the base year, target value in the target year (same unit). */
export interface TTrajectoryInput {
  metric: TTargetMetric;
  baseYear: number;
  baseValue: number;
  targetYear: number;
  targetValue: number;
}

/** `base-year`: a period of the base year, the reference itself (not judged against its own value). */
export type TProgressStatus = 'on-track' | 'off-track' | 'no-data' | 'base-year';

export interface TProgressRow {
  periodKey: string;
  /** Allowed value on the linear path for this period (the target's unit). */
  trajectoryValue: number;
  /** Measured value so far (null: no data). */
  actualValue: number | null;
  /** Absolute targets in an unfinished period: actual / elapsed share; otherwise the actual. */
  projectedValue: number | null;
  /** (projected − trajectory) / trajectory × 100; negative = below the path. */
  gapPct: number | null;
  complete: boolean;
  status: TProgressStatus;
  unit: string;
}

/**
 * Linear trajectory (docs/TARGETS.md): the straight line from (baseYear + 0.5, baseValue) to
 * (targetYear + 0.5, targetValue) on a fractional-year axis, read at `positionYears`; clamped to the base value
 * before the base year and to the target value after the target year. For quarterly targets both values are per
 * quarter, so the path is read at each quarter's midpoint.
 */
export function computeTrajectoryValue(input: TTrajectoryInput, positionYears: number): number {
  const from = input.baseYear + 0.5;
  const to = input.targetYear + 0.5;
  if (to <= from || positionYears <= from) {
    return positionYears >= to ? input.targetValue : input.baseValue;
  }
  if (positionYears >= to) {
    return input.targetValue;
  }
  const share = (positionYears - from) / (to - from);
  return input.baseValue + (input.targetValue - input.baseValue) * share;
}

/**
 * One period's progress. On track when the (projected) value is at or below the trajectory. An absolute target in
 * an unfinished period is judged on its projection (actual / elapsed share, flat run rate); intensity is a ratio,
 * so its actual is already comparable.
 */
export function computeProgressRow(
  input: TTrajectoryInput,
  period: Pick<TCalendarPeriod, 'key' | 'year' | 'quarter' | 'start' | 'end'>,
  actualValue: number | null,
  now: Date,
): TProgressRow {
  const trajectoryValue = computeTrajectoryValue(input, periodMidpointYears(period));
  const share = elapsedShare(period, now);
  const complete = share >= 1;
  let projectedValue = actualValue;
  if (actualValue !== null && input.metric === 'absolute' && !complete) {
    projectedValue = share > 0 ? actualValue / share : null;
  }
  const baseYear = period.year === input.baseYear;
  const gapPct =
    !baseYear && projectedValue !== null && trajectoryValue > 0
      ? ((projectedValue - trajectoryValue) / trajectoryValue) * 100
      : null;
  let status: TProgressStatus = 'no-data';
  if (baseYear) {
    // Records added to the base year after the base was set would otherwise make it "off track" against
    // itself; the difference is a base to restate (lib/targets/base-restatement.ts), not a miss.
    status = 'base-year';
  } else if (projectedValue !== null) {
    status = projectedValue <= trajectoryValue ? 'on-track' : 'off-track';
  }
  return {
    periodKey: period.key,
    trajectoryValue,
    actualValue,
    projectedValue,
    gapPct,
    complete,
    status,
    unit: TARGET_UNITS[input.metric],
  };
}
