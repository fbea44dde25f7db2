import { ScrollRegion } from '@/components/ui/scroll-region';
import { displayCell, displayColumnHeader } from '@/lib/reports/present/display-text';
import { changeBaseKey, wideColumnOf } from '@/lib/reports/present/report-layout';
import type { TCell, TReportColumn, TReportTable } from '@/lib/reports/report-model';
import { ChangeText } from './change-text';

/** A change cell: signed and coloured against the row's comparative value; other cells as text. */
function CellText({
  table,
  column,
  row,
  timeZone,
}: {
  table: TReportTable;
  column: TReportColumn;
  row: Record<string, TCell>;
  timeZone: string;
}) {
  const value = row[column.key] ?? null;
  const baseKey = changeBaseKey(column.key, Object.keys(row));
  if (baseKey && (typeof value === 'number' || value === null)) {
    const base = row[baseKey];
    const unit =
      typeof row.unit === 'string' ? row.unit : (table.columns.find((c) => c.key === baseKey)?.unit ?? '');
    return <ChangeText pct={value} base={typeof base === 'number' ? base : null} unit={unit} />;
  }
  return <>{displayCell(value, timeZone)}</>;
}

/**
 * One report table, as in the exports (same rounding), in words for people. A long text column (factor sources)
 * is shown as a full-width line under its row instead of a ten-line-tall cell; the table scrolls inside its card
 * when it is wider than the screen.
 */
export function ReportTable({ table, timeZone }: { table: TReportTable; timeZone: string }) {
  const wide = wideColumnOf(table.id);
  const columns = table.columns.filter((c) => c.key !== wide);
  const wideColumn = table.columns.find((c) => c.key === wide);
  return (
    <ScrollRegion label={displayCell(table.title)} className="report-table-wrap min-w-0">
      <table className="report-table w-full text-left text-sm" data-table-id={table.id}>
        <caption className="pb-2 text-left font-medium text-slate-800 dark:text-slate-200">
          {displayCell(table.title)}
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
            {columns.map((c, j) => (
              <th
                key={c.key}
                scope="col"
                className={j === 0 ? 'px-2 py-1.5 font-medium' : 'px-2 py-1.5 text-right font-medium'}
              >
                {displayColumnHeader(c)}
              </th>
            ))}
          </tr>
        </thead>
        {table.rows.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={columns.length} className="px-2 py-2 text-slate-500 dark:text-slate-400">
                No entries in the period.
              </td>
            </tr>
          </tbody>
        ) : (
          table.rows.map((row, i) => (
            // One tbody per row keeps a row and its wide line together across printed pages.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are static for one render of the report
            <tbody key={i} className="report-row border-b border-slate-100 dark:border-slate-800">
              <tr>
                {columns.map((c, j) =>
                  j === 0 ? (
                    <th key={c.key} scope="row" className="px-2 py-1.5 align-top font-normal">
                      {displayCell(row[c.key] ?? null, timeZone)}
                    </th>
                  ) : (
                    <td
                      key={c.key}
                      className={
                        typeof row[c.key] === 'number' && !changeBaseKey(c.key, Object.keys(row))
                          ? 'px-2 py-1.5 text-right align-top tabular-nums whitespace-nowrap'
                          : typeof row[c.key] === 'number' || changeBaseKey(c.key, Object.keys(row))
                            ? 'px-2 py-1.5 text-right align-top'
                            : 'px-2 py-1.5 text-left align-top'
                      }
                    >
                      <CellText table={table} column={c} row={row} timeZone={timeZone} />
                    </td>
                  ),
                )}
              </tr>
              {wideColumn ? (
                <tr>
                  <td
                    colSpan={columns.length}
                    className="px-2 pb-1.5 text-xs text-slate-600 dark:text-slate-400"
                  >
                    {`${displayColumnHeader(wideColumn)}: ${displayCell(row[wideColumn.key] ?? null, timeZone)}`}
                  </td>
                </tr>
              ) : null}
            </tbody>
          ))
        )}
      </table>
      {table.note ? (
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{displayCell(table.note)}</p>
      ) : null}
    </ScrollRegion>
  );
}
