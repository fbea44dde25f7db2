import { AppError, toResponse } from '@/lib/errors';
import { toErrorReportCsv } from '@/lib/ingest/error-report-csv';
import { requireRequestAuth } from '@/lib/server/access/auth-context';
import { withRateLimit } from '@/lib/server/http/rate-limit';
import { getUploadErrorReport } from '@/lib/server/usage/uploads/upload-queries';

// Every row error of an upload as a spreadsheet-safe CSV download.
async function handleGet(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const ctx = await requireRequestAuth(request, 'read');
    const report = await getUploadErrorReport(ctx, id);
    if (!report) {
      throw new AppError('NOT_FOUND', 'Upload not found.');
    }
    const name = `${report.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_')}-errors.csv`;
    return new Response(toErrorReportCsv(report.errors), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
      },
    });
  } catch (error) {
    return toResponse(error);
  }
}

export const GET = withRateLimit(handleGet);
export const dynamic = 'force-dynamic';
