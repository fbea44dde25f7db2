import { humaniseText } from '@/lib/reports/present/display-text';
import type { TReportSection, TReportTable } from '@/lib/reports/report-model';
import { ReportTable } from './report-table';

/**
 * Tables whose every row is for auditors, not readers: the page and the PDF show their first rows and say where the
 * rest is. A recomputation restates each field of each record, so one basis change writes thousands of entries
 * (a 50-page PDF in the e2e run); the XLSX, CSV and JSON exports keep them all.
 */
const ROWS_SHOWN: Readonly<Record<string, number>> = { 'restatement-log': 25 };

function shownPart(table: TReportTable): { table: TReportTable; hiddenRows: number } {
  const limit = ROWS_SHOWN[table.id];
  if (limit === undefined || table.rows.length <= limit) {
    return { table, hiddenRows: 0 };
  }
  return { table: { ...table, rows: table.rows.slice(0, limit) }, hiddenRows: table.rows.length - limit };
}

/** One report table as people read it: the first rows of an auditor-only table, and where the rest is. */
export function ReportTableForReaders({ table: full, timeZone }: { table: TReportTable; timeZone: string }) {
  const { table, hiddenRows } = shownPart(full);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <ReportTable table={table} timeZone={timeZone} />
      {hiddenRows > 0 ? (
        <p className="text-xs text-slate-600" data-testid={`${full.id}-more`}>
          The first {table.rows.length.toLocaleString('en-GB')} of {full.rows.length.toLocaleString('en-GB')}{' '}
          entries; all of them are in the XLSX, CSV and JSON exports of this report.
        </p>
      ) : null}
    </div>
  );
}

/** A section's paragraphs and tables in words (preview card and printed page). */
export function ReportSectionBody({ section, timeZone }: { section: TReportSection; timeZone: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-4">
      {section.paragraphs.map((p) => (
        <p key={p} className="text-sm text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300">
          {humaniseText(p, timeZone).replaceAll('CO2e', 'CO₂e')}
        </p>
      ))}
      {section.tables.map((t) => (
        <ReportTableForReaders key={t.id} table={t} timeZone={timeZone} />
      ))}
    </div>
  );
}
