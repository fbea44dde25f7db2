import { AppError, toResponse } from '@/lib/errors';
import { ZFreezeReportInput } from '@/lib/schemas/report-export';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { freezeReport } from '@/lib/server/reports/report-versions';
import { toVersionJson } from '../../_lib/version-json';

// POST /api/v1/reports/2026-Q3/versions: freezes the live report (editor, admin, owner). 201 with the new version
// (draft, or restated listing changed figures), 200 with the latest when no figure changed since it.
export async function POST(request: Request, { params }: { params: Promise<{ period: string }> }) {
  try {
    const parsed = ZFreezeReportInput.safeParse(await params);
    if (!parsed.success) {
      throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join('; '));
    }
    const ctx = await requireRequestAuth(request, 'prepareReports');
    const result = await freezeReport(ctx, parsed.data.period, new Date());
    return Response.json(toVersionJson(result.version, result.created), {
      status: result.created ? 201 : 200,
    });
  } catch (error) {
    return toResponse(error);
  }
}

export const dynamic = 'force-dynamic';
