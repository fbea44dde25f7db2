import { AppError, toResponse } from '@/lib/errors';
import { ZReportSignOffParams } from '@/lib/schemas/report-sign-off';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { approveReportVersion, reviewReportVersion } from '@/lib/server/reports/report-sign-off';
import { toVersionJson } from '../../../../_lib/version-json';

// POST /api/v1/reports/2026-Q3/versions/1/review | …/approve: four-eyes sign-off (docs/REPORTS.md). The token's
// user must not be the preparer (review, approve) nor the reviewer (approve); 403 otherwise, 409 when out of order.
export async function POST(
  request: Request,
  { params }: { params: Promise<{ period: string; version: string; step: string }> },
) {
  try {
    const parsed = ZReportSignOffParams.safeParse(await params);
    if (!parsed.success) {
      throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join('; '));
    }
    const { period, version, step } = parsed.data;
    const ctx = await requireRequestAuth(request, step === 'review' ? 'reviewReports' : 'approveReports');
    const signOff = step === 'review' ? reviewReportVersion : approveReportVersion;
    return Response.json(toVersionJson(await signOff(ctx, period, version, new Date())));
  } catch (error) {
    return toResponse(error);
  }
}

export const dynamic = 'force-dynamic';
