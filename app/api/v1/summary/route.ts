import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { findSummary } from '@/lib/server/dashboard/api-summary';
import { defineRoute } from '@/lib/server/http/define-route';
import { rangeFromDays } from '@/lib/server/http/query';
import { SUMMARY_ROUTE } from '@/lib/server/http/routes/v1-routes';
import { getOrgTimeZone } from '@/lib/server/rollups/rollup-plan';

// Totals per (organisation-local) month/phase/team/project/model/region/accelerator over [from, to] with the
// dashboard filters.
export const GET = defineRoute(SUMMARY_ROUTE, async ({ ctx, query, request }) => {
  // Bearer requests read the time zone with the token (one round trip fewer per request).
  const orgTimeZone = ctx.orgTimeZone ?? (await getOrgTimeZone(ctx));
  const range = rangeFromDays(query.from, query.to, orgTimeZone);
  const groups = await findSummary(
    { orgId: ctx.orgId, orgTimeZone },
    parseDashboardFilters(new URL(request.url).searchParams),
    range,
    query.groupBy,
  );
  return Response.json({ from: query.from, to: query.to, groupBy: query.groupBy, groups });
});

export const dynamic = 'force-dynamic';
