import { createHash } from 'node:crypto';
import 'server-only';
import { exportReport, type TReportFile } from '@/lib/reports/export-report';
import { instantWords } from '@/lib/reports/present/display-text';
import { signOffState } from '@/lib/reports/present/report-layout';
import type { TEsgReport } from '@/lib/reports/report-model';
import type { TReportFormat } from '@/lib/schemas/report-export';
import type { TAuthContext } from '@/lib/server/access/auth-context';
import { loadExportReport } from '@/lib/server/reports/load-export-report';
import { printReportPdf } from '@/lib/server/reports/print-report-pdf';
import { recordReportExport } from '@/lib/server/reports/report-audit';
import { signPrintToken } from '@/lib/server/reports/report-print-token';
import { getReportVersion } from '@/lib/server/reports/report-versions';

/**
 * Where this server's print page is for its own headless Chromium: REPORT_PRINT_BASE_URL, else the loopback
 * address on PORT (the launchers bind all interfaces, or 127.0.0.1 for e2e), else the request's own origin.
 */
function printPageUrl(requestUrl: string | undefined): string {
  const base =
    process.env.REPORT_PRINT_BASE_URL ??
    (process.env.PORT
      ? `http://127.0.0.1:${process.env.PORT}`
      : new URL(requestUrl ?? 'http://127.0.0.1:3000').origin);
  return new URL('/report-print', base).toString();
}

/** The PDF: Chromium prints the print page for a signed ticket of this export (same org, period, version, time). */
async function renderPdf(
  ctx: TAuthContext,
  report: TEsgReport,
  period: string,
  version: number | undefined,
  requestUrl: string | undefined,
): Promise<Buffer> {
  const token = signPrintToken({
    orgId: ctx.orgId,
    period,
    version: version ?? null,
    generatedAt: report.generatedAt,
  });
  const status = signOffState(report).label;
  return printReportPdf({
    url: printPageUrl(requestUrl),
    token,
    header: `${report.organization.name} · AI footprint ESG report ${report.period.label} · ${status}`,
    footer: `${report.assurance} · methodology ${report.methodologyVersions.join(', ')} · generated ${instantWords(report.generatedAt, report.period.timeZone)}`,
  });
}

/**
 * The answer of GET /api/v1/reports/{period}/export and GET /api/v1/reports/{period} (the route wrapper has
 * authorised the caller and parsed `period`, `format` and `version`). `version` absent: the live provisional report
 * ('live'), or, for the issue #6 path ('latest-snapshot'), the latest frozen version, or the live provisional report
 * when none is frozen. A GET never freezes (issue #17: a cross-site link would freeze under the victim's name);
 * freezing is POST …/versions only. The export audit event is the only write. Build or load → serialise → audit.
 */
export async function reportFileResponse(
  ctx: TAuthContext,
  input: { period: string; format: TReportFormat; version?: number | 'latest' },
  defaultVersion: 'live' | 'latest-snapshot',
  requestUrl?: string,
): Promise<Response> {
  const { period, format } = input;
  let version = input.version;
  if (version === undefined && defaultVersion === 'latest-snapshot') {
    version = (await getReportVersion(ctx, period, 'latest'))?.version;
  }
  const { report, frozenJson } = await loadExportReport(ctx, period, version, new Date());
  const versionNumber = report.snapshot?.version;
  const file: TReportFile = await exportReport(report, format, ctx.orgSlug, (r) =>
    renderPdf(ctx, r, period, versionNumber, requestUrl),
  );
  // JSON of a frozen version is the stored text itself: byte for byte what was frozen (sha256 in the DB).
  if (format === 'json' && frozenJson !== null) {
    file.body = Buffer.from(frozenJson, 'utf8');
  }
  await recordReportExport(ctx, {
    period: versionNumber === undefined ? period : `${period} v${versionNumber}`,
    format,
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
}
