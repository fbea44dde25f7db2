import type { z } from 'zod';
import type { TDateRange } from '@/lib/dashboard/date-range';
import { zonedDayStart } from '@/lib/emissions/quarters';
import { AppError } from '@/lib/errors';

/** Parses the API's own query parameters (dashboard filters are parsed separately, leniently). 400 when invalid. */
export function parseQuery<T extends z.ZodType>(schema: T, url: URL): z.output<T> {
  const input: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    input[key] ??= value;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    const first = details[0];
    throw new AppError('INVALID_INPUT', `Invalid query: ${first?.field} ${first?.message}`, details);
  }
  return parsed.data;
}

/** Local midnight of a YYYY-MM-DD day (+ `plusDays`) in `timeZone`; NaN date when malformed. */
function dayStart(day: string, plusDays: number, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    return new Date(Number.NaN);
  }
  return zonedDayStart(y, m - 1, d + plusDays, timeZone);
}

/**
 * Inclusive days in the organisation's time zone → the half-open interval [from, to + 1 day) of local
 * midnights (the dashboard's and reports' calendar). Missing ends are open (all data).
 * Pure; the days were validated as YYYY-MM-DD.
 */
export function rangeFromDays(
  from: string | undefined,
  to: string | undefined,
  timeZone = 'UTC',
): TDateRange {
  const start = dayStart(from ?? '1970-01-01', 0, timeZone);
  const end = to ? dayStart(to, 1, timeZone) : dayStart('9999-01-01', 0, timeZone);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start) {
    throw new AppError('INVALID_INPUT', '`from` must be a valid day on or before `to`.');
  }
  return { from: start, to: end, timeZone };
}
