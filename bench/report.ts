// Quarterly report benchmark (issue #9): `npm run bench:report [-- --period 2026-Q3 --iterations 3]`.
// Against the large database: time to build the report model and its JSON (getQuarterAggregates →
// buildQuarterlyEsgReport → JSON) and the PDF, from rollups; then the JSON path once from raw records
// (`readPlan: 'raw'`) for the ratio. Targets: JSON ≤ 2 s, PDF ≤ 5 s (both end to end: rollup reads, report model,
// serialisation). Also prints where the time goes (the two rollup reads, PDF rendering alone). Peak RSS shows
// memory stays bounded. The PDF is printed by headless Chromium from the production build's print page
// (`npm run build` first; bench/support/print-server.ts starts it on BENCH_PRINT_PORT, default 3199).

import { parsePeriodKey } from '@/lib/emissions/calendar-periods';
import { comparisonStart } from '@/lib/reports/assemble-aggregates';
import { buildQuarterlyEsgReport } from '@/lib/reports/build-quarterly-esg-report';
import { exportReport, type TPdfRenderer } from '@/lib/reports/export-report';
import { getPrisma } from '@/lib/server/db/prisma';
import { printReportPdf } from '@/lib/server/reports/print-report-pdf';
import { getQuarterAggregates } from '@/lib/server/reports/quarter-aggregates';
import { findRollupMonths } from '@/lib/server/reports/quarter-aggregates-rollups';
import { findPeriodQuality } from '@/lib/server/reports/quarter-quality';
import { signPrintToken } from '@/lib/server/reports/report-print-token';
import type { TReadPlan } from '@/lib/server/rollups/rollup-plan';
import { argValue } from '../scripts/db/large-database';
import { intArg, machineLine, openLargeOrg, percentile, verdict } from './support/large-org';
import { startPrintServer } from './support/print-server';

const TARGET_JSON_MS = 2000;
const TARGET_PDF_MS = 5000;
const period = argValue('period', '2026-Q3');
const iterations = intArg('iterations', 3);
const skipRaw = process.argv.includes('--skip-raw');

const { db, org, records } = await openLargeOrg(console.log);
const server = await startPrintServer(intArg('print-port', Number(process.env.BENCH_PRINT_PORT ?? 3199)));
try {
  const renderPdf: TPdfRenderer = (report) =>
    printReportPdf({
      url: server.printUrl,
      token: signPrintToken({ orgId: org.id, period, version: null, generatedAt: report.generatedAt }),
      header: report.title,
      footer: report.assurance,
    });
  const ctx = { orgId: org.id };
  const generatedAt = new Date('2026-11-29T12:00:00Z');
  const json = async (readPlan: TReadPlan = 'rollups') => {
    const started = performance.now();
    const report = buildQuarterlyEsgReport(await getQuarterAggregates({ ...ctx, readPlan }, period), {
      generatedAt,
    });
    const file = await exportReport(report, 'json', 'large');
    return { ms: performance.now() - started, report, bytes: file.body.length };
  };
  console.log(machineLine());
  console.log(`records: ${records.toLocaleString('en')}; report ${period}`);
  await json(); // warm-up
  const jsonMs: number[] = [];
  const pdfMs: number[] = [];
  const renderMs: number[] = [];
  let pdfBytes = 0;
  // Where the time goes (one run): the two rollup reads, then PDF rendering alone (first call launches Chromium;
  // later calls reuse it).
  const tz = org.timeZone;
  const target = parsePeriodKey(period, tz);
  if (!target) {
    throw new Error(`bad period ${period}`);
  }
  const timed = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const out = await run();
    console.log(`  ${label}: ${(performance.now() - started).toFixed(0)} ms`);
    return out;
  };
  const months = await timed('monthly rollup sums (15-month window)', () =>
    findRollupMonths(ctx, tz, comparisonStart(target), target.end),
  );
  await timed('quality facts (usage_quality_daily)', () => findPeriodQuality(ctx, target));
  const built = buildQuarterlyEsgReport(await getQuarterAggregates(ctx, period), { generatedAt });
  await timed('PDF render, cold (Chromium launch, first page)', () =>
    exportReport(built, 'pdf', 'large', renderPdf),
  );
  console.log(`  (${months.length} monthly rollup groups)`);
  for (let i = 0; i < iterations; i += 1) {
    const { ms, report } = await json();
    jsonMs.push(ms);
    const started = performance.now();
    const pdf = await exportReport(
      buildQuarterlyEsgReport(await getQuarterAggregates(ctx, period), { generatedAt }),
      'pdf',
      'large',
      renderPdf,
    );
    pdfMs.push(performance.now() - started);
    pdfBytes = pdf.body.length;
    const renderStarted = performance.now();
    await exportReport(report, 'pdf', 'large', renderPdf);
    renderMs.push(performance.now() - renderStarted);
    if (report.period.key !== period) {
      throw new Error('unexpected period');
    }
  }
  const jsonP50 = percentile(jsonMs, 50);
  const pdfP50 = percentile(pdfMs, 50);
  console.log(
    `report JSON from rollups: median ${jsonP50.toFixed(0)} ms, max ${Math.max(...jsonMs).toFixed(0)} ms`,
  );
  console.log(
    `report PDF from rollups (read + build + render): median ${pdfP50.toFixed(0)} ms, max ${Math.max(...pdfMs).toFixed(0)} ms (${Math.round(pdfBytes / 1024)} KiB)`,
  );
  console.log(`PDF render alone (report already built): median ${percentile(renderMs, 50).toFixed(0)} ms`);
  if (!skipRaw) {
    const raw = await json('raw');
    console.log(
      `report JSON from raw records: ${raw.ms.toFixed(0)} ms; raw_vs_rollup_ratio=${(raw.ms / jsonP50).toFixed(1)}`,
    );
  }
  console.log(`peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  console.log(
    `${verdict(Math.max(...jsonMs) <= TARGET_JSON_MS)} report JSON ${Math.max(...jsonMs).toFixed(0)} ms ≤ ${TARGET_JSON_MS} ms`,
  );
  console.log(
    `${verdict(Math.max(...pdfMs) <= TARGET_PDF_MS)} report PDF ${Math.max(...pdfMs).toFixed(0)} ms ≤ ${TARGET_PDF_MS} ms`,
  );
  await getPrisma().$disconnect();
} finally {
  await server.stop();
  await db.stop();
}
