import { humaniseText } from '@/lib/reports/present/display-text';
import type { TReportSection } from '@/lib/reports/report-model';
import { ReportTable } from './report-table';

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
        <ReportTable key={t.id} table={t} timeZone={timeZone} />
      ))}
    </div>
  );
}
