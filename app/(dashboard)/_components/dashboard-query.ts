import 'server-only';
import { resolveDateRange, type TDateRange } from '@/lib/dashboard/date-range';
import {
  parseDashboardFilters,
  type TDashboardFilters,
  type TSearchParams,
} from '@/lib/schemas/dashboard-filters';
import type { TAuthContext } from '@/lib/server/access/auth-context';
import { getOrganization, type TOrganizationDto } from '@/lib/server/access/organizations';
import { getDashboardTotals } from '@/lib/server/dashboard/dashboard-totals';
import { getDataSpan } from '@/lib/server/dashboard/emission-summaries';
import { cachedOrgRead, getOrgDataVersion, type TVersionedOrg } from '@/lib/server/dashboard/org-read-cache';
import { RenderGate } from '@/lib/server/http/render-gate';
import { requestNow } from '@/lib/server/http/request-clock';
import { currentRequestContext } from '@/lib/server/http/request-context';

export interface TDashboardQuery {
  /** With the organisation's time zone and data version read once for this request. */
  ctx: TAuthContext & TVersionedOrg & { orgTimeZone: string };
  org: TOrganizationDto | null;
  filters: TDashboardFilters;
  range: TDateRange;
  hasData: boolean;
  /** First to last record start (null without data): the coverage marker and comparability of periods. */
  dataSpan: TDateRange | null;
  /** The request's "today" (lib/server/http/request-clock.ts): partial buckets. */
  now: Date;
  /** Aborts when the client has gone (production server only): reads not yet started are skipped. */
  signal: AbortSignal | undefined;
}

/**
 * One of the overview's data reads through the per-organisation cache (lib/server/dashboard/org-read-cache.ts): keyed by the
 * data version read at the start of this request, the time zone and `args` (filters, range, bucket…).
 */
export function overviewRead<T>(
  query: Pick<TDashboardQuery, 'ctx' | 'signal'>,
  name: string,
  args: unknown,
  load: () => Promise<T>,
): Promise<T> {
  return cachedOrgRead(query.ctx, JSON.stringify([name, query.ctx.orgTimeZone, args]), load, query.signal);
}

/** Totals over `range` (the KPI cards and the equivalences card share them). */
export function getPanelTotals(query: TDashboardQuery, range: TDateRange) {
  return overviewRead(query, 'totals', [query.filters, range], () =>
    getDashboardTotals(query.ctx, query.filters, range),
  );
}

/**
 * Heavy overview renders at once per process (OVERVIEW_RENDER_SLOTS, default 4); the rest queue and leave the
 * queue when their client goes. On 2 cores more parallel renders only share the same CPU more thinly.
 */
const overviewGate = new RenderGate(Number(process.env.OVERVIEW_RENDER_SLOTS ?? 4));

/**
 * Waits for an overview render slot, held until the response is over. Outside the production server (next dev,
 * tests) there is no request to observe and nothing is gated. Rejects when the client leaves while waiting.
 */
export async function enterOverviewRender(): Promise<AbortSignal | undefined> {
  const request = currentRequestContext();
  if (!request) {
    return undefined;
  }
  const release = await overviewGate.acquire(request.signal);
  void request.closed.then(release);
  return request.signal;
}

/** Parses the URL filters and resolves the date range against the request time ("now" comes from here). */
export async function loadDashboardQuery(
  ctx: TAuthContext,
  searchParams: TSearchParams,
  signal?: AbortSignal,
): Promise<TDashboardQuery> {
  const filters = parseDashboardFilters(searchParams);
  const versioned = { ...ctx, dataVersion: await getOrgDataVersion(ctx) };
  const base = { ctx: { ...versioned, orgTimeZone: '' }, signal };
  const [span, org] = await Promise.all([
    overviewRead(base, 'span', [], () => getDataSpan(ctx)),
    overviewRead(base, 'organization', [], () => getOrganization(ctx)),
  ]);
  const timeZone = org?.timeZone ?? 'UTC';
  const now = requestNow();
  // The organisation's calendar, like reports: local days, weeks and months (and the daily rollups).
  return {
    ctx: { ...versioned, orgTimeZone: timeZone },
    org,
    filters,
    range: resolveDateRange(filters, now, span, timeZone),
    hasData: span !== null,
    dataSpan: span,
    now,
    signal,
  };
}
