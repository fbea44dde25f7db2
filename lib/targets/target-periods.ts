import { quarterBounds, quarterOf, zonedMonthStart } from '@/lib/emissions/quarters';

/** Granularity of a target or budget: a calendar quarter or a calendar year, in the organisation's time zone. */
export type TPeriodKind = 'quarter' | 'year';

/** One period, half-open [start, end) in the organisation's time zone. Key "2026-Q4" or "2026". */
export interface TTargetPeriod {
  key: string;
  kind: TPeriodKind;
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  start: Date;
  end: Date;
}

/** The calendar year `year` in `timeZone`. */
export function yearPeriod(year: number, timeZone: string): TTargetPeriod {
  return {
    key: String(year),
    kind: 'year',
    year,
    quarter: null,
    start: zonedMonthStart(year, 0, timeZone),
    end: zonedMonthStart(year + 1, 0, timeZone),
  };
}

/** The quarter or year containing `instant`. */
export function periodContaining(instant: Date, kind: TPeriodKind, timeZone: string): TTargetPeriod {
  const q = quarterOf(instant, timeZone);
  return kind === 'year' ? yearPeriod(q.year, timeZone) : { ...q, kind: 'quarter' };
}

/** Every period of `kind` from the start of `fromYear` to the end of `toYear`, oldest first. */
export function periodsOfYears(fromYear: number, toYear: number, kind: TPeriodKind, timeZone: string) {
  const out: TTargetPeriod[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    if (kind === 'year') {
      out.push(yearPeriod(year, timeZone));
      continue;
    }
    for (const quarter of [1, 2, 3, 4] as const) {
      out.push({ ...quarterBounds(year, quarter, timeZone), kind: 'quarter' });
    }
  }
  return out;
}

/**
 * Position of a period on the trajectory's time axis, in fractional years at the period's midpoint:
 * year Y → Y + 0.5; quarter Y-Qq → Y + (q − 0.5) / 4 (Q1 → Y + 0.125, Q4 → Y + 0.875).
 */
export function periodMidpointYears(period: Pick<TTargetPeriod, 'year' | 'quarter'>): number {
  return period.quarter === null ? period.year + 0.5 : period.year + (period.quarter - 0.5) / 4;
}

/** Share (0..1) of the period elapsed at `now` (0 before it starts, 1 once it has ended). */
export function elapsedShare(period: Pick<TTargetPeriod, 'start' | 'end'>, now: Date): number {
  const length = period.end.getTime() - period.start.getTime();
  const done = now.getTime() - period.start.getTime();
  return Math.min(1, Math.max(0, done / length));
}
