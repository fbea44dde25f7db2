import { defineRoute } from '@/lib/server/http/define-route';
import { REPORT_FREEZE_ROUTE } from '@/lib/server/http/routes/report-routes';
import { toVersionJson } from '@/lib/server/reports/report-version-json';
import { freezeReport } from '@/lib/server/reports/report-versions';

// POST /api/v1/reports/2026-Q3/versions: freezes the live report (editor, admin, owner). 201 with the new version
// (draft, or restated listing changed figures), 200 with the latest when no figure changed since it.
export const POST = defineRoute(REPORT_FREEZE_ROUTE, async ({ ctx, params }) => {
  const result = await freezeReport(ctx, params.period, new Date());
  return Response.json(toVersionJson(result.version, result.created), { status: result.created ? 201 : 200 });
});

export const dynamic = 'force-dynamic';
