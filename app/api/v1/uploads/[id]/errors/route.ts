import { AppError } from '@/lib/errors';
import { toErrorReportCsv } from '@/lib/ingest/error-report-csv';
import { defineRoute } from '@/lib/server/http/define-route';
import { UPLOAD_ERRORS_ROUTE } from '@/lib/server/http/routes/upload-routes';
import { getUploadErrorReport } from '@/lib/server/usage/uploads/upload-queries';

// Every row error of an upload as a spreadsheet-safe CSV download.
export const GET = defineRoute(UPLOAD_ERRORS_ROUTE, async ({ ctx, params }) => {
  const report = await getUploadErrorReport(ctx, params.id);
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
});

export const dynamic = 'force-dynamic';
