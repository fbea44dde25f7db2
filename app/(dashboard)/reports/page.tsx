import type { Metadata } from 'next';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { hasPermission } from '@/lib/auth/roles';
import { parsePeriodKey } from '@/lib/emissions/calendar-periods';
import { buildQuarterlyEsgReport } from '@/lib/reports/build-quarterly-esg-report';
import { formatCell } from '@/lib/reports/format-cell';
import { REPORT_FORMATS, ZReportPeriodKey } from '@/lib/schemas/report-export';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { getQuarterAggregates, listReportQuarters } from '@/lib/server/reports/quarter-aggregates';
import { findSignOffNames } from '@/lib/server/reports/report-sign-off';
import { listReportVersions } from '@/lib/server/reports/report-versions';
import { PeriodPicker } from './_components/period-picker';
import { ReportCharts } from './_components/report-charts';
import { ReportTable } from './_components/report-table';
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
        description={`${ctx.orgName} · ESG report ${report.period.label} · ${report.status} · ${report.assurance}`}
        actions={<PeriodPicker quarters={quarters} selected={selected} />}
      />
      <nav aria-label="Export" className="flex flex-wrap gap-2">
        {REPORT_FORMATS.map((format) => (
          <a
            key={format}
            href={`/api/v1/reports/${report.period.key}/export?format=${format}`}
            download
            className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50"
          >
            {`Export ${format.toUpperCase()}`}
          </a>
        ))}
      </nav>
      <section aria-label="Headline figures" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {report.headline.map((h) => (
          <Card key={h.id} className="px-5 py-4" data-headline-id={h.id}>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{h.label}</p>
            <p className="mt-2 text-2xl font-semibold tabular-nums">
              <span data-testid={`headline-${h.id}`}>{formatCell(h.value)}</span> {h.unit}
            </p>
            <p className="mt-1 text-xs text-slate-500">
              {h.basis}
              {h.changeVsPreviousPct !== null ? ` · ${formatCell(h.changeVsPreviousPct)} % vs previous` : ''}
              {h.changeVsLastYearPct !== null ? ` · ${formatCell(h.changeVsLastYearPct)} % YoY` : ''}
            </p>
          </Card>
        ))}
      </section>
      {report.drivers.length ? (
        <ul className="list-disc pl-6 text-sm text-slate-700">
          {report.drivers.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      <Card>
        <CardContent>
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
        <Card key={section.id} aria-labelledby={`section-${section.id}`}>
          <CardHeader>
            <CardTitle id={`section-${section.id}`}>{`${section.number}. ${section.title}`}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {section.paragraphs.map((p) => (
              <p key={p} className="text-sm break-words text-slate-700">
                {p}
              </p>
            ))}
            {section.tables.map((t) => (
              <ReportTable key={t.id} table={t} />
            ))}
          </CardContent>
        </Card>
      ))}
    </>
  );
}
