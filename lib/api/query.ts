import type { z } from 'zod';
import type { TDateRange } from '@/lib/dashboard/date-range';
import { AppError } from '@/lib/errors';

const DAY_MS = 86_400_000;

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

/**
 * Inclusive UTC days → the half-open interval [from, to + 1 day). Missing ends are open (all data).
 * Pure; the days were validated as YYYY-MM-DD.
 */
export function rangeFromDays(from: string | undefined, to: string | undefined): TDateRange {
  const start = from ? new Date(`${from}T00:00:00Z`) : new Date(Date.UTC(1970, 0, 1));
  const end = to ? new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) : new Date(Date.UTC(9999, 0, 1));
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start) {
    throw new AppError('INVALID_INPUT', '`from` must be a valid day on or before `to`.');
  }
  return { from: start, to: end };
}
