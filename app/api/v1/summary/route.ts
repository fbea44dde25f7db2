import { toResponse } from '@/lib/errors';
import { ZSummaryQuery } from '@/lib/schemas/api-v1';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { findSummary } from '@/lib/server/dashboard/api-summary';
import { parseQuery, rangeFromDays } from '@/lib/server/http/query';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { getOrgTimeZone } from '@/lib/server/rollups/rollup-plan';

// Totals per (organisation-local) month/phase/team/project/model/region/accelerator over [from, to] with the dashboard filters.
async function handleGet(request: Request) {
  try {
    const url = new URL(request.url);
    const query = parseQuery(ZSummaryQuery, url);
    const ctx = await requireRequestAuth(request, 'read');
    // Bearer requests read the time zone with the token (one round trip fewer per request).
    const orgTimeZone = ctx.orgTimeZone ?? (await getOrgTimeZone(ctx));
    const range = rangeFromDays(query.from, query.to, orgTimeZone);
    const groups = await findSummary(
      { orgId: ctx.orgId, orgTimeZone },
      parseDashboardFilters(url.searchParams),
      range,
      query.groupBy,
    );
    return Response.json({ from: query.from, to: query.to, groupBy: query.groupBy, groups });
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
