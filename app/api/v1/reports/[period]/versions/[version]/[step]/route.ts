import { defineRoute } from '@/lib/server/http/define-route';
import { REPORT_SIGN_OFF_ROUTE } from '@/lib/server/http/routes/report-routes';
import { approveReportVersion, reviewReportVersion } from '@/lib/server/reports/report-sign-off';
import { toVersionJson } from '@/lib/server/reports/report-version-json';

// POST /api/v1/reports/2026-Q3/versions/1/review | …/approve: four-eyes sign-off (see the reports guide). The token's
// user must not be the preparer (review, approve) nor the reviewer (approve); 403 otherwise, 409 when out of order.
export const POST = defineRoute(REPORT_SIGN_OFF_ROUTE, async ({ ctx, params }) => {
  const signOff = params.step === 'review' ? reviewReportVersion : approveReportVersion;
  return Response.json(toVersionJson(await signOff(ctx, params.period, params.version, new Date())));
});

export const dynamic = 'force-dynamic';
