/** UTC date helpers for the demo generator. Every date is derived from the caller's `endExclusive`. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The generated period: [start, end), both at UTC midnight, `days` whole days long. */
export type TDemoWindow = { start: Date; end: Date; days: number };

/** Floors to UTC midnight. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * HOUR_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The window of `months` calendar months ending (exclusive) at the UTC day of `endExclusive`. */
export function demoWindow(endExclusive: Date, months: number): TDemoWindow {
  if (Number.isNaN(endExclusive.getTime())) {
    throw new Error('endExclusive is not a valid date');
  }
  if (!Number.isInteger(months) || months < 1) {
    throw new Error('months must be a positive integer');
  }
  const end = startOfUtcDay(endExclusive);
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - months, end.getUTCDate()));
  return { start, end, days: Math.round((end.getTime() - start.getTime()) / DAY_MS) };
}

/** UTC midnight of day `index` of the window (0-based). */
export function dayOf(window: TDemoWindow, index: number): Date {
  return addDays(window.start, index);
}

/** Day index at a fraction (0..1) of the window, so schedules scale with `months`. */
export function dayAtFraction(window: TDemoWindow, fraction: number): number {
  return Math.floor(window.days * fraction);
}

/** YYYY-MM-DD (UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM (UTC). */
export function isoMonth(date: Date): string {
  return date.toISOString().slice(0, 7);
}
