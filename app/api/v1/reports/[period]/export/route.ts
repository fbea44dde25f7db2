import { createHash } from 'node:crypto';
import { requireRequestAuth } from '@/lib/auth/context';
import { getQuarterAggregates } from '@/lib/data/quarter-aggregates';
import { recordReportExport } from '@/lib/data/report-audit';
import { AppError, toResponse } from '@/lib/errors';
import { buildQuarterlyEsgReport } from '@/lib/reports/build-quarterly-esg-report';
import { exportReport } from '@/lib/reports/export-report';
import { ZReportExportQuery } from '@/lib/schemas/report-export';

// GET /api/v1/reports/2026-Q3/export?format=pdf|xlsx|csv|json (session or bearer token, read permission).
// Parse → authorise → build the report model → serialise → audit → respond as an attachment.
export async function GET(request: Request, { params }: { params: Promise<{ period: string }> }) {
  try {
    const { period } = await params;
    const parsed = ZReportExportQuery.safeParse({
      period,
      format: new URL(request.url).searchParams.get('format') ?? undefined,
    });
    if (!parsed.success) {
      throw new AppError('INVALID_INPUT', parsed.error.issues.map((i) => i.message).join('; '));
    }
    const ctx = await requireRequestAuth(request, 'read');
    const aggregates = await getQuarterAggregates(ctx, parsed.data.period);
    const report = buildQuarterlyEsgReport(aggregates, { generatedAt: new Date() });
    const file = await exportReport(report, parsed.data.format, ctx.orgSlug);
    await recordReportExport(ctx, {
      period: parsed.data.period,
      format: parsed.data.format,
      sha256: createHash('sha256').update(file.body).digest('hex'),
      bytes: file.body.length,
    });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    return toResponse(error);
  }
}

export const dynamic = 'force-dynamic';
