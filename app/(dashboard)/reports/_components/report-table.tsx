import { ScrollRegion } from '@/components/ui/scroll-region';
import { columnHeader, formatCell } from '@/lib/reports/format-cell';
import type { TReportTable } from '@/lib/reports/report-model';

/** One report table, as in the exports (same rounding and number format). */
export function ReportTable({ table }: { table: TReportTable }) {
  return (
    <ScrollRegion label={table.title}>
      <table className="w-full min-w-[40rem] text-left text-sm" data-table-id={table.id}>
        <caption className="pb-2 text-left font-medium text-slate-800">{table.title}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs text-slate-500">
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className="px-2 py-1.5 font-medium">
                {columnHeader(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} className="px-2 py-2 text-slate-500">
                No entries in the period.
              </td>
            </tr>
          ) : (
            table.rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are static for one render of the report
              <tr key={i} className="border-b border-slate-100">
                {table.columns.map((c, j) =>
                  j === 0 ? (
                    <th key={c.key} scope="row" className="px-2 py-1.5 font-normal">
                      {formatCell(row[c.key] ?? null)}
                    </th>
                  ) : (
                    <td key={c.key} className="px-2 py-1.5 tabular-nums">
                      {formatCell(row[c.key] ?? null)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {table.note ? <p className="mt-1 text-xs text-slate-500">{table.note}</p> : null}
    </ScrollRegion>
  );
}
