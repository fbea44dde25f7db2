import { defineRoute } from '@/lib/server/http/define-route';
import { REPORT_EXPORT_ROUTE } from '@/lib/server/http/routes/report-routes';
import { reportFileResponse } from '@/lib/server/reports/report-file-response';

// GET /api/v1/reports/2026-Q3/export?format=pdf|xlsx|csv|json[&version=N|latest] (session or bearer, read).
// Without `version`: the live provisional report, built from the current data.
export const GET = defineRoute(REPORT_EXPORT_ROUTE, ({ ctx, params, query, request }) =>
  reportFileResponse(ctx, { ...params, ...query }, 'live', request.url),
);

export const dynamic = 'force-dynamic';
