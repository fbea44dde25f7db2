import type { TReportFormat } from '@/lib/schemas/report-export';
import type { TEsgReport } from './report-model';
import { toReportCsv, toReportJson } from './to-report-csv';
import { toReportXlsx } from './to-report-xlsx';

export interface TReportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<TReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Prints the report to PDF bytes (the server's headless Chromium, lib/server/reports/print-report-pdf.ts). */
export type TPdfRenderer = (report: TEsgReport) => Promise<Buffer>;

/**
 * Serialises the model in `format`, with a file name like "ai-footprint-demo-2026-Q3.xlsx". The PDF is rendered
 * by `renderPdf` (the report page printed by Chromium), so this module stays free of I/O.
 */
export async function exportReport(
  report: TEsgReport,
  format: TReportFormat,
  orgSlug: string,
  renderPdf?: TPdfRenderer,
): Promise<TReportFile> {
  let body: Buffer;
  if (format === 'pdf') {
    if (!renderPdf) {
      throw new Error('exportReport: a PDF needs a renderer');
    }
    body = await renderPdf(report);
  } else {
    body =
      format === 'xlsx'
        ? await toReportXlsx(report)
        : Buffer.from(format === 'csv' ? toReportCsv(report) : toReportJson(report), 'utf8');
  }
  const safeSlug = orgSlug.replace(/[^a-z0-9-]/gi, '') || 'org';
  return {
    body,
    contentType: CONTENT_TYPES[format],
    fileName: `ai-footprint-${safeSlug}-${report.period.key}${report.snapshot ? `-v${report.snapshot.version}` : ''}.${format}`,
  };
}
