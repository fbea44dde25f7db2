import { calendarPeriod, type TCalendarPeriod, type TPeriodKind } from '@/lib/emissions/calendar-periods';

/** Every period of `kind` from the start of `fromYear` to the end of `toYear`, oldest first. */
export function periodsOfYears(fromYear: number, toYear: number, kind: TPeriodKind, timeZone: string) {
  const out: TCalendarPeriod[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    for (const quarter of kind === 'year' ? [null] : ([1, 2, 3, 4] as const)) {
      out.push(calendarPeriod(year, quarter, timeZone));
    }
  }
  return out;
}

/**
 * Position of a period on the trajectory's time axis, in fractional years at the period's midpoint:
 * year Y → Y + 0.5; quarter Y-Qq → Y + (q − 0.5) / 4 (Q1 → Y + 0.125, Q4 → Y + 0.875).
 */
export function periodMidpointYears(period: Pick<TCalendarPeriod, 'year' | 'quarter'>): number {
  return period.quarter === null ? period.year + 0.5 : period.year + (period.quarter - 0.5) / 4;
}

/** Share (0..1) of the period elapsed at `now` (0 before it starts, 1 once it has ended). */
export function elapsedShare(period: Pick<TCalendarPeriod, 'start' | 'end'>, now: Date): number {
  const length = period.end.getTime() - period.start.getTime();
  const done = now.getTime() - period.start.getTime();
  return Math.min(1, Math.max(0, done / length));
}

/**
 * Up to when a period's progress is measured and projected (issue #23: one projection method for the Targets
 * page and the report): the cutoff (the page's "now", the report period's end) or the end of the organisation's
 * data, whichever is earlier. Days after the last record are not zero emissions, they are not recorded yet; a run
 * rate over them would understate the projection (the page said 107 t where the data's run rate gives more).
 */
export function projectionHorizon(cutoff: Date, dataEnd: Date | null): Date {
  return dataEnd && dataEnd.getTime() < cutoff.getTime() ? dataEnd : cutoff;
}
