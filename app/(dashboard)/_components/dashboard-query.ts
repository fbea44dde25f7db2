import 'server-only';
import { cache } from 'react';
import type { TAuthContext } from '@/lib/auth/context';
import { resolveDateRange, type TDateRange } from '@/lib/dashboard/date-range';
import { getDashboardTotals } from '@/lib/data/dashboard-totals';
import { getDataSpan } from '@/lib/data/emission-summaries';
import { getOrganization, type TOrganizationDto } from '@/lib/data/organizations';
import {
  parseDashboardFilters,
  type TDashboardFilters,
  type TSearchParams,
} from '@/lib/schemas/dashboard-filters';

export interface TDashboardQuery {
  /** With the organisation's time zone read once for this request (saves a lookup in every panel query). */
  ctx: TAuthContext & { orgTimeZone: string };
  org: TOrganizationDto | null;
  filters: TDashboardFilters;
  range: TDateRange;
  hasData: boolean;
}

/**
 * The KPI cards and the equivalences card need the same totals: one query per request (React's per-request
 * memo; the panels pass the same ctx/filters/range objects).
 */
export const getPanelTotals = cache(getDashboardTotals);

/** Parses the URL filters and resolves the date range against the request time ("now" comes from here). */
export async function loadDashboardQuery(
  ctx: TAuthContext,
  searchParams: TSearchParams,
): Promise<TDashboardQuery> {
  const filters = parseDashboardFilters(searchParams);
  const [span, org] = await Promise.all([getDataSpan(ctx), getOrganization(ctx)]);
  const timeZone = org?.timeZone ?? 'UTC';
  // The organisation's calendar, like reports: local days, weeks and months (and the daily rollups).
  return {
    ctx: { ...ctx, orgTimeZone: timeZone },
    org,
    filters,
    range: resolveDateRange(filters, new Date(), span, timeZone),
    hasData: span !== null,
  };
}
