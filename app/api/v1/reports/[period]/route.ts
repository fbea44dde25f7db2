import { defineRoute } from '@/lib/server/http/define-route';
import { REPORT_ROUTE } from '@/lib/server/http/routes/report-routes';
import { reportFileResponse } from '@/lib/server/reports/report-file-response';

// GET /api/v1/reports/2026-Q3?format=pdf|xlsx|csv|json[&version=N] (issue #6): the latest frozen version, or the
// live provisional report when none is frozen. Never freezes (a GET changes nothing): POST …/versions does.
export const GET = defineRoute(REPORT_ROUTE, ({ ctx, params, query, request }) =>
  reportFileResponse(ctx, { ...params, ...query }, 'latest-snapshot', request.url),
);

export const dynamic = 'force-dynamic';
