import 'server-only';
import type { TAuthContext } from '@/lib/auth/context';
import { resolveDateRange, type TDateRange } from '@/lib/dashboard/date-range';
import { getDataSpan } from '@/lib/data/emission-summaries';
import { getOrgTimeZone } from '@/lib/data/rollup-plan';
import {
  parseDashboardFilters,
  type TDashboardFilters,
  type TSearchParams,
} from '@/lib/schemas/dashboard-filters';

export interface TDashboardQuery {
  ctx: TAuthContext;
  filters: TDashboardFilters;
  range: TDateRange;
  hasData: boolean;
}

/** Parses the URL filters and resolves the date range against the request time ("now" comes from here). */
export async function loadDashboardQuery(
  ctx: TAuthContext,
  searchParams: TSearchParams,
): Promise<TDashboardQuery> {
  const filters = parseDashboardFilters(searchParams);
  const [span, timeZone] = await Promise.all([getDataSpan(ctx), getOrgTimeZone(ctx)]);
  // The organisation's calendar, like reports: local days, weeks and months (and the daily rollups).
  return {
    ctx,
    filters,
    range: resolveDateRange(filters, new Date(), span, timeZone),
    hasData: span !== null,
  };
}
