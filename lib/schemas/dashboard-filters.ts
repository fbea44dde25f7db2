import { z } from 'zod';
import { PHASES, PROVIDERS } from './usage-record';

/**
 * Dashboard filters as they live in the URL (search params), shared by the filter bar, every dashboard page,
 * the records explorer and its CSV export. Multi-selects accept repeated keys (`team=a&team=b`) or a comma list
 * (`team=a,b`). Invalid values fall back to defaults instead of failing: a stale bookmark still opens.
 */

export const DATE_RANGE_PRESETS = [
  'this_quarter',
  'last_quarter',
  'quarter',
  'ytd',
  'last_12_months',
  'all',
  'custom',
] as const;
export type TDateRangePreset = (typeof DATE_RANGE_PRESETS)[number];

export const DATE_RANGE_LABELS: Record<TDateRangePreset, string> = {
  this_quarter: 'Quarter to date',
  last_quarter: 'Last quarter',
  quarter: 'A quarter…',
  ytd: 'Year to date',
  last_12_months: 'Last 12 complete months',
  all: 'All time',
  custom: 'Custom',
};

/**
 * The multi-select dimensions, in filter-bar order. Team and project are slugs; the rest raw values (aiService: the
 * codes of reference/ai-services/providers.csv). Every one is a rollup dimension, so filtered pages stay on the rollups.
 */
export const FILTER_DIMENSIONS = [
  'team',
  'project',
  'model',
  'phase',
  'region',
  'provider',
  'aiService',
] as const;
export type TFilterDimension = (typeof FILTER_DIMENSIONS)[number];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar quarter as in report periods: 2026-Q3. */
export const QUARTER_KEY = /^\d{4}-Q[1-4]$/;

function toList(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return [
    ...new Set(
      raw
        .flatMap((v) => String(v).split(','))
        .map((v) => v.trim())
        .filter((v) => v.length > 0),
    ),
  ];
}

const ZList = z.preprocess(toList, z.array(z.string().max(200)).max(50)).catch([]);
const ZEnumList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .preprocess(
      (v) => toList(v).filter((x) => (values as readonly string[]).includes(x)),
      z.array(z.enum(values)),
    )
    .catch([]);

const ZIsoDay = z
  .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().regex(ISO_DAY).optional())
  .refine((v) => v === undefined || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .catch(undefined);

export const ZDashboardFilters = z.object({
  range: z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(DATE_RANGE_PRESETS))
    .catch('last_12_months'),
  /** Custom range start, YYYY-MM-DD, inclusive (UTC). */
  from: ZIsoDay,
  /** Custom range end, YYYY-MM-DD, inclusive (UTC). */
  to: ZIsoDay,
  /** The chosen quarter of the `quarter` preset, "2026-Q3" (absent: the last complete quarter). */
  quarter: z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().regex(QUARTER_KEY).optional())
    .catch(undefined),
  /** Scope 2 method the charts show (the location/market toggle), kept in the URL like every filter. */
  basis: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(['location', 'market'])).catch('location'),
  team: ZList,
  project: ZList,
  model: ZList,
  phase: ZEnumList(PHASES),
  region: ZList,
  provider: ZEnumList(PROVIDERS),
  /**
   * Third-party AI service of the records (reference/ai-services/providers.csv names: openai, aws-bedrock …), issue
   * #21; a rollup dimension since migration 20261207020000_rollup_ai_service.
   */
  aiService: ZList,
});
export type TDashboardFilters = z.output<typeof ZDashboardFilters>;

export type TSearchParams = Record<string, string | string[] | undefined>;

/** Parses Next.js searchParams; never throws (every field has a fallback). */
export function parseDashboardFilters(searchParams: TSearchParams | URLSearchParams): TDashboardFilters {
  const input: Record<string, string | string[]> = {};
  if (searchParams instanceof URLSearchParams) {
    for (const key of new Set(searchParams.keys())) {
      input[key] = searchParams.getAll(key);
    }
  } else {
    for (const [key, value] of Object.entries(searchParams)) {
      if (value !== undefined) {
        input[key] = value;
      }
    }
  }
  return ZDashboardFilters.parse(input);
}

/** Serialises filters back to a query string (defaults omitted, so the default view has a clean URL). */
export function dashboardFiltersToSearch(
  filters: TDashboardFilters,
  defaultRange: TDateRangePreset = 'last_12_months',
): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.range !== defaultRange) {
    params.set('range', filters.range);
  }
  if (filters.range === 'quarter' && filters.quarter) {
    params.set('quarter', filters.quarter);
  }
  if (filters.range === 'custom') {
    if (filters.from) {
      params.set('from', filters.from);
    }
    if (filters.to) {
      params.set('to', filters.to);
    }
  }
  for (const dim of FILTER_DIMENSIONS) {
    for (const value of filters[dim]) {
      params.append(dim, value);
    }
  }
  if (filters.basis === 'market') {
    params.set('basis', 'market');
  }
  return params;
}

/** The same filters with one dimension narrowed to a single value (breakdown bar → records explorer). */
export function withOnly(
  filters: TDashboardFilters,
  dimension: TFilterDimension,
  value: string,
): TDashboardFilters {
  const params = dashboardFiltersToSearch(filters);
  params.set(dimension, value);
  return parseDashboardFilters(params);
}
