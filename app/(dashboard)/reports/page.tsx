import type { Metadata } from 'next';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { HeadlineTile } from '@/components/reports/headline-tile';
import { ReportCharts, ScopeChart } from '@/components/reports/report-charts';
import { ReportSectionBody } from '@/components/reports/report-section-body';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { hasPermission } from '@/lib/auth/roles';
import { parsePeriodKey } from '@/lib/emissions/calendar-periods';
import { buildQuarterlyEsgReport } from '@/lib/reports/build-quarterly-esg-report';
import { humaniseText, periodWords } from '@/lib/reports/present/display-text';
import {
  PAGE_TILE_IDS,
  pickHeadline,
  scopeChartRows,
  summaryFindings,
} from '@/lib/reports/present/report-layout';
import { REPORT_FORMATS, ZReportPeriodKey } from '@/lib/schemas/report-export';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { getQuarterAggregates, listReportQuarters } from '@/lib/server/reports/quarter-aggregates';
import { findSignOffNames } from '@/lib/server/reports/report-sign-off';
import { listReportVersions } from '@/lib/server/reports/report-versions';
import { PeriodPicker } from './_components/period-picker';
import { VersionsPanel } from './_components/versions-panel';

export const metadata: Metadata = { title: 'Reports' };

/** Default period: the latest quarter with data that has already ended, else the latest quarter. */
function defaultPeriod(quarters: string[], now: Date): string | undefined {
  return quarters.find((q) => (parsePeriodKey(q)?.end ?? now) <= now) ?? quarters[0];
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  const ctx = await requirePageAuth('read');
  const quarters = await listReportQuarters(ctx);
  const wanted = ZReportPeriodKey.safeParse((await searchParams).period);
  const selected = wanted.success ? wanted.data : defaultPeriod(quarters, new Date());
  if (!selected) {
    return (
      <>
        <PageHeader title="Reports" description="Quarterly ESG report" />
        <EmptyState title="No usage recorded yet">Reports appear once usage records exist.</EmptyState>
      </>
    );
  }
  const [aggregates, versions] = await Promise.all([
    getQuarterAggregates(ctx, selected),
    listReportVersions(ctx, selected),
  ]);
  const report = buildQuarterlyEsgReport(aggregates, { generatedAt: new Date() });
  return (
    <>
      <PageHeader
        title="Reports"
        description={`${ctx.orgName} · ESG report ${report.period.label} (${periodWords(report.period)}) · ${humaniseText(report.status)} · ${report.assurance}`}
        actions={<PeriodPicker quarters={quarters} selected={selected} />}
      />
      <nav aria-label="Export" className="flex flex-wrap gap-2">
        {REPORT_FORMATS.map((format) => (
          <a
            key={format}
            href={`/api/v1/reports/${report.period.key}/export?format=${format}`}
            download
            className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
          >
            {`Export ${format.toUpperCase()}`}
          </a>
        ))}
      </nav>
      <section aria-label="Headline figures" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {pickHeadline(report, PAGE_TILE_IDS).map((h) => (
          <HeadlineTile
            key={h.id}
            figure={h}
            previousLabel={report.period.previousKey}
            lastYearLabel={report.period.sameLastYearKey}
          />
        ))}
      </section>
      <Card aria-labelledby="report-findings">
        <CardHeader>
          <CardTitle id="report-findings">Findings</CardTitle>
        </CardHeader>
        <CardContent className="flex min-w-0 flex-col gap-6">
          <ul className="list-disc pl-6 text-sm text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">
            {summaryFindings(report).map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          <ScopeChart rows={scopeChartRows(report)} />
          <ReportCharts monthly={report.charts.monthly} byPhase={report.charts.byPhase} />
        </CardContent>
      </Card>
      <VersionsPanel
        period={report.period.key}
        versions={versions}
        canPrepare={hasPermission(ctx.role, 'prepareReports')}
        canApprove={hasPermission(ctx.role, 'approveReports')}
        canReview={hasPermission(ctx.role, 'reviewReports')}
        userId={ctx.userId}
        names={Object.fromEntries(
          await findSignOffNames(
            ctx,
            versions.flatMap((v) => [v.createdById, v.reviewedById, v.approvedById]),
          ),
        )}
      />
      {report.sections.map((section) => (
        <Card key={section.id} aria-labelledby={`section-${section.id}`} className="min-w-0">
          <CardHeader>
            <CardTitle id={`section-${section.id}`}>{`${section.number}. ${section.title}`}</CardTitle>
          </CardHeader>
          <CardContent className="min-w-0">
            <ReportSectionBody section={section} timeZone={report.period.timeZone} />
          </CardContent>
        </Card>
      ))}
    </>
  );
}
