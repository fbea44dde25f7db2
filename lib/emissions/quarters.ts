import type { RecordFootprint } from './footprint-types';
import { localDateParts, zoneOffsetMs } from './time-zone';

/** A calendar quarter as the half-open interval [start, end) in the given IANA time zone (default UTC). */
export interface QuarterPeriod {
  key: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  start: Date;
  end: Date;
}

/** UTC instant of local midnight on `day` of `month0` (0-based; both may overflow) in `timeZone`. */
function zonedDayStartMs(year: number, month0: number, day: number, timeZone: string): number {
  const guess = Date.UTC(year, month0, day);
  const first = guess - zoneOffsetMs(timeZone, guess);
  const second = guess - zoneOffsetMs(timeZone, first);
  return second;
}

/** UTC instant of local midnight on the first day of `month0` (0-based) in `timeZone`. */
function zonedMonthStartMs(year: number, month0: number, timeZone: string): number {
  return zonedDayStartMs(year, month0, 1, timeZone);
}

/** Local midnight of the calendar day (year, month0 0-based, day; overflow normalised) in `timeZone`. */
export function zonedDayStart(year: number, month0: number, day: number, timeZone = 'UTC'): Date {
  const normal = new Date(Date.UTC(year, month0, day));
  return new Date(
    zonedDayStartMs(normal.getUTCFullYear(), normal.getUTCMonth(), normal.getUTCDate(), timeZone),
  );
}

/** The local calendar day of `instant` in `timeZone` (month0 is 0-based). */
export function localDay(instant: Date, timeZone = 'UTC'): { year: number; month0: number; day: number } {
  const p = localDateParts(timeZone, instant.getTime());
  return { year: p.year, month0: p.month - 1, day: p.day };
}

/** Local midnight on the first day of `month0` (0-based, may overflow into the next year) in `timeZone`. */
export function zonedMonthStart(year: number, month0: number, timeZone = 'UTC'): Date {
  return new Date(zonedMonthStartMs(year + Math.floor(month0 / 12), ((month0 % 12) + 12) % 12, timeZone));
}

/** Quarter `quarter` (1–4) of `year` in `timeZone`. */
export function quarterBounds(year: number, quarter: 1 | 2 | 3 | 4, timeZone = 'UTC'): QuarterPeriod {
  const start = zonedMonthStartMs(year, (quarter - 1) * 3, timeZone);
  const end =
    quarter === 4 ? zonedMonthStartMs(year + 1, 0, timeZone) : zonedMonthStartMs(year, quarter * 3, timeZone);
  return { key: `${year}-Q${quarter}`, year, quarter, start: new Date(start), end: new Date(end) };
}

/** The quarter containing `instant` (local calendar in `timeZone`). */
export function quarterOf(instant: Date, timeZone = 'UTC'): QuarterPeriod {
  const { year, month } = localDateParts(timeZone, instant.getTime());
  return quarterBounds(year, (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4, timeZone);
}

export interface QuarterShare {
  quarter: QuarterPeriod;
  /** Part of the run inside the quarter, half-open. */
  start: Date;
  end: Date;
  /** Fraction of the run's duration inside the quarter (Σ = 1). */
  share: number;
}

/** Splits [startedAt, endedAt) across quarters by time share; a zero-length run falls wholly in its quarter. */
export function splitByQuarter(startedAt: Date, endedAt: Date, timeZone = 'UTC'): QuarterShare[] {
  const startMs = startedAt.getTime();
  const endMs = endedAt.getTime();
  let quarter = quarterOf(startedAt, timeZone);
  if (endMs <= startMs) {
    return [{ quarter, start: startedAt, end: startedAt, share: 1 }];
  }
  const out: QuarterShare[] = [];
  while (quarter.start.getTime() < endMs) {
    const a = Math.max(startMs, quarter.start.getTime());
    const b = Math.min(endMs, quarter.end.getTime());
    out.push({ quarter, start: new Date(a), end: new Date(b), share: (b - a) / (endMs - startMs) });
    quarter = quarterOf(quarter.end, timeZone);
  }
  return out;
}

const ADDITIVE_FIELDS = [
  'itEnergyKwh',
  'energyKwh',
  'deviceHours',
  'locationKgCo2e',
  'marketKgCo2e',
  'marketMatchedKwh',
  'embodiedKgCo2e',
  'waterOnsiteL',
  'waterOffsiteL',
  'uncertaintyLowKgCo2e',
  'uncertaintyHighKgCo2e',
] as const;

/** Scales every additive quantity of a footprint by `share` (intensities, PUE and provenance are kept). */
export function scaleFootprint(footprint: RecordFootprint, share: number): RecordFootprint {
  const scaled: RecordFootprint = {
    ...footprint,
    marketAllocations: footprint.marketAllocations.map((a) => ({ ...a, energyKwh: a.energyKwh * share })),
  };
  for (const field of ADDITIVE_FIELDS) {
    scaled[field] = footprint[field] * share;
  }
  return scaled;
}

/**
 * Splits a record's footprint across quarters by time share (flat power and the run's average intensity
 * assumed); quarter parts sum back to the footprint.
 */
export function splitFootprintByQuarter(
  footprint: RecordFootprint,
  startedAt: Date,
  endedAt: Date,
  timeZone = 'UTC',
): Array<QuarterShare & { footprint: RecordFootprint }> {
  return splitByQuarter(startedAt, endedAt, timeZone).map((part) => ({
    ...part,
    footprint: scaleFootprint(footprint, part.share),
  }));
}
