import { z } from 'zod';

/**
 * Audit-log filters as they live in the URL (shared by the /audit page and its CSV export). Invalid values fall
 * back to "no filter" so a stale bookmark still opens. `to` is inclusive (the whole UTC day).
 */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : undefined),
    z.string().optional(),
  );
const optionalDay = z.preprocess(
  (v) => (typeof v === 'string' && ISO_DAY.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined),
  z.string().optional(),
);

export const ZAuditFilters = z.object({
  action: optionalText(100),
  /** Part of the actor's email (case-insensitive). */
  actor: optionalText(200),
  from: optionalDay,
  to: optionalDay,
  page: z.preprocess((v) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
  }, z.number()),
});
export type TAuditFilters = z.output<typeof ZAuditFilters>;

export function parseAuditFilters(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): TAuditFilters {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  return ZAuditFilters.parse({
    action: get('action'),
    actor: get('actor'),
    from: get('from'),
    to: get('to'),
    page: get('page'),
  });
}

/** The same filters as a query string (without page), for links and the export URL. */
export function auditFiltersQuery(filters: TAuditFilters, extra: Record<string, string> = {}): string {
  const entries = Object.entries({
    action: filters.action,
    actor: filters.actor,
    from: filters.from,
    to: filters.to,
    ...extra,
  }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  return new URLSearchParams(entries).toString();
}
