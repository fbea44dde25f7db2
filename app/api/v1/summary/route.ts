import { FILTER_DIMENSIONS, parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { findSummary } from '@/lib/server/dashboard/api-summary';
import { getOrgDataVersion } from '@/lib/server/dashboard/org-read-cache';
import { defineRoute } from '@/lib/server/http/define-route';
import { cachedOrgJson } from '@/lib/server/http/org-response-cache';
import { rangeFromDays } from '@/lib/server/http/query';
import { SUMMARY_ROUTE } from '@/lib/server/http/routes/v1-routes';
import { getOrgTimeZone } from '@/lib/server/rollups/rollup-plan';

// Totals per (organisation-local) month/phase/team/project/model/region/accelerator over [from, to] with the
// dashboard filters. Answered from the per-organisation response cache keyed by the organisation's data version
// (issue #20): until the next write, a repeated query costs the version read (bearer: inside the token look-up).
export const GET = defineRoute(SUMMARY_ROUTE, async ({ ctx, query, request }) => {
  // Bearer requests read the time zone and the data version with the token (no round trip of their own).
  const orgTimeZone = ctx.orgTimeZone ?? (await getOrgTimeZone(ctx));
  const dataVersion = ctx.orgDataVersion ?? (await getOrgDataVersion(ctx));
  const range = rangeFromDays(query.from, query.to, orgTimeZone);
  const filters = parseDashboardFilters(new URL(request.url).searchParams);
  // The answer depends on the range, the grouping, the time zone and the filter dimensions only (not on their
  // order in the URL, nor on the filter bar's own range preset, which the summary does not read).
  const key = JSON.stringify([
    'summary',
    query.from ?? null,
    query.to ?? null,
    query.groupBy,
    orgTimeZone,
    FILTER_DIMENSIONS.map((d) => [...filters[d]].sort()),
  ]);
  const body = await cachedOrgJson({ orgId: ctx.orgId, dataVersion }, key, async () => ({
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    groups: await findSummary({ orgId: ctx.orgId, orgTimeZone }, filters, range, query.groupBy),
  }));
  return new Response(body, { headers: { 'content-type': 'application/json' } });
});

export const dynamic = 'force-dynamic';
