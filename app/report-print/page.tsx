import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { PrintReady } from '@/components/reports/print-ready';
import { ReportPrintDocument } from '@/components/reports/report-print-document';
import { loadExportReport } from '@/lib/server/reports/load-export-report';
import { PRINT_TOKEN_HEADER, verifyPrintToken } from '@/lib/server/reports/report-print-token';
import './print.css';

// The printable report, opened only by the PDF renderer's headless Chromium (lib/server/reports/print-report-pdf.ts)
// with a signed, short-lived print token in a request header (lib/server/reports/report-print-token.ts). It
// renders the export's report (same organisation, period, version and generation time) with the Reports page's
// components. Without a valid token: 404, whoever asks; a session alone does not open it.

export const dynamic = 'force-dynamic';

const jobReport = cache(async () => {
  const ticket = verifyPrintToken((await headers()).get(PRINT_TOKEN_HEADER));
  if (!ticket) {
    return null;
  }
  const { report } = await loadExportReport(
    { orgId: ticket.orgId },
    ticket.period,
    ticket.version ?? undefined,
    new Date(ticket.generatedAt),
  );
  return report;
});

export async function generateMetadata(): Promise<Metadata> {
  const report = await jobReport();
  // The PDF's document title (Chromium copies <title> into the PDF's Title; <html lang="en"> gives its language).
  return { title: { absolute: report?.title ?? 'Report' }, robots: { index: false } };
}

export default async function ReportPrintPage() {
  const report = await jobReport();
  if (!report) {
    notFound();
  }
  return (
    <>
      <ReportPrintDocument report={report} />
      <PrintReady />
    </>
  );
}
