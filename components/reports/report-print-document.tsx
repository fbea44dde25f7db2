import { displayCell, humaniseText, instantWords, periodWords } from '@/lib/reports/present/display-text';
import {
  arrangeForPrint,
  COVER_TILE_IDS,
  pickHeadline,
  scopeChartRows,
  signOffState,
  summaryFindings,
} from '@/lib/reports/present/report-layout';
import type { TEsgReport } from '@/lib/reports/report-model';
import { HeadlineTile } from './headline-tile';
import { ReportCharts, ScopeChart } from './report-charts';
import { ReportSectionBody, ReportTableForReaders } from './report-section-body';

/** Chart width on an A4 portrait page with 15 mm side margins (180 mm ≈ 680 CSS px at 96 px per inch). */
const PRINT_CHART_WIDTH_PX = 680;

/**
 * The printed quarterly report (issue #22): cover with status, sign-off and four tiles; one-page executive
 * summary with the scope chart and findings (page 2); contents; the outline's sections; appendices. Built from the same
 * components as the Reports page (tiles, tables, Recharts charts), so preview and PDF cannot drift.
 */
export function ReportPrintDocument({ report }: { report: TEsgReport }) {
  const tz = report.period.timeZone;
  const { sections, appendices } = arrangeForPrint(report);
  const summary = sections.find((s) => s.id === 'summary') ?? sections[0];
  const body = sections.filter((s) => s !== summary);
  const signOff = signOffState(report);
  const previous = humaniseText(report.period.previousKey);
  const lastYear = humaniseText(report.period.sameLastYearKey);
  return (
    <main className="report-print text-slate-900">
      <section className="report-page report-cover flex flex-col gap-6" aria-label="Cover">
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium uppercase tracking-wide text-emerald-800">
            Quarterly AI footprint ESG report
          </p>
          <h1 className="text-3xl font-semibold">{report.organization.name}</h1>
          <p className="text-xl">
            {`${report.period.label}: ${periodWords(report.period)}`}
            <span className="text-slate-500">{` (time zone ${tz})`}</span>
          </p>
        </div>
        <div className="rounded-lg border border-slate-300 px-4 py-3" data-testid="report-status">
          <p className="text-base font-semibold">{`Status: ${signOff.label}`}</p>
          <p className="text-sm text-slate-600">
            {`${report.assurance}. Consolidation: ${report.consolidation}. Methodology ${report.methodologyVersions.join(', ')}. Generated ${instantWords(report.generatedAt, tz)}.`}
          </p>
        </div>
        <section className="grid grid-cols-2 gap-3" aria-label="Headline figures">
          {pickHeadline(report, COVER_TILE_IDS).map((h) => (
            <HeadlineTile key={h.id} figure={h} previousLabel={previous} lastYearLabel={lastYear} />
          ))}
        </section>
        <div className="report-sign-off" data-testid="report-sign-off" data-stage={signOff.stage}>
          <h2 className="text-base font-semibold">Sign-off</h2>
          {signOff.stage === 'provisional' ? (
            <p className="text-sm text-slate-600">
              Not signed off: this is the live provisional report. Freeze a version to review and approve it.
            </p>
          ) : null}
          <table className="mt-1 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-xs text-slate-600">
                <th scope="col" className="py-1">
                  Role
                </th>
                <th scope="col" className="py-1">
                  Name
                </th>
                <th scope="col" className="py-1">
                  Signed
                </th>
              </tr>
            </thead>
            <tbody>
              {signOff.rows.map((r) => (
                <tr key={r.role} className="border-b border-slate-100">
                  <th scope="row" className="py-1 font-normal">
                    {r.role}
                  </th>
                  <td className="py-1">{r.name ?? 'not yet'}</td>
                  <td className="py-1">{r.at ? instantWords(r.at, tz) : 'not yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {summary ? (
        <section className="report-page flex flex-col gap-3" aria-labelledby={`section-${summary.id}`}>
          <h2 id={`section-${summary.id}`} className="text-xl font-semibold">
            {`${summary.number}. ${summary.title}`}
          </h2>
          <ul className="list-disc pl-5 text-sm" data-testid="report-findings">
            {summaryFindings(report).map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
          <ScopeChart rows={scopeChartRows(report)} fixedWidth={PRINT_CHART_WIDTH_PX} />
          <ReportSectionBody section={summary} timeZone={tz} />
        </section>
      ) : null}

      <nav className="report-page" aria-label="Contents">
        <h2 className="mb-3 text-xl font-semibold">Contents</h2>
        <ol className="flex flex-col gap-1 text-sm">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#section-${s.id}`}>{`${s.number}. ${s.title}`}</a>
            </li>
          ))}
          {appendices.map((a) => (
            <li key={a.letter}>
              <a href={`#appendix-${a.letter}`}>{`Appendix ${a.letter}. ${a.title}`}</a>
            </li>
          ))}
        </ol>
      </nav>

      <section className="report-page flex flex-col gap-3" aria-label="Charts">
        <h2 className="text-xl font-semibold">Emissions over the period</h2>
        <ReportCharts
          monthly={report.charts.monthly}
          byPhase={report.charts.byPhase}
          fixedWidth={PRINT_CHART_WIDTH_PX}
        />
      </section>

      {body.map((section) => (
        <section
          key={section.id}
          className="report-section flex flex-col gap-3"
          aria-labelledby={`section-${section.id}`}
        >
          <h2 id={`section-${section.id}`} className="text-xl font-semibold">
            {`${section.number}. ${section.title}`}
          </h2>
          <ReportSectionBody section={section} timeZone={tz} />
        </section>
      ))}

      {appendices.map((a, i) => (
        <section
          key={a.letter}
          className={i === 0 ? 'report-page flex flex-col gap-3' : 'report-section flex flex-col gap-3'}
          aria-labelledby={`appendix-${a.letter}`}
        >
          <h2 id={`appendix-${a.letter}`} className="text-xl font-semibold">
            {`Appendix ${a.letter}. ${a.title}`}
          </h2>
          {a.tables.length ? (
            a.tables.map((t) => <ReportTableForReaders key={t.id} table={t} timeZone={tz} />)
          ) : (
            <p className="text-sm">{displayCell('No entries in the period.')}</p>
          )}
        </section>
      ))}
    </main>
  );
}
