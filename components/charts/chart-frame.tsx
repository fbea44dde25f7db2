'use client';

import { Download } from 'lucide-react';
import { type ReactNode, useId } from 'react';
import { type TCsvCell, toCsv } from '@/lib/dashboard/to-csv';

export interface TChartTable {
  header: string[];
  rows: TCsvCell[][];
}

function download(fileName: string, table: TChartTable) {
  const blob = new Blob([toCsv(table.header, table.rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Built once: `toLocaleString` with options builds a formatter per cell (thousands per overview render). */
const TABLE_NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/**
 * Every chart's frame: an accessible title (figure/figcaption), optional controls, the chart, a data-table
 * alternative, and "Download data (CSV)" built client-side from the same rows as the table.
 */
export function ChartFrame({
  title,
  fileName,
  table,
  controls,
  children,
  format = (v) => (typeof v === 'number' ? TABLE_NUMBER.format(v) : String(v ?? '')),
}: {
  title: string;
  fileName: string;
  table: TChartTable;
  controls?: ReactNode;
  children: ReactNode;
  format?: (value: TCsvCell) => string;
}) {
  const titleId = useId();
  return (
    <figure aria-labelledby={titleId} className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption id={titleId} className="text-sm font-medium text-slate-700 dark:text-slate-300">
          {title}
        </figcaption>
        <div className="flex flex-wrap items-center gap-2">
          {controls}
          <button
            type="button"
            onClick={() => download(fileName, table)}
            className="inline-flex items-center gap-1 rounded-md border border-slate-200 px-2 py-1 text-xs text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            <Download aria-hidden className="size-3.5" />
            Download data (CSV)
            <span className="sr-only">: {title}</span>
          </button>
        </div>
      </div>
      {children}
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
          Show the data as a table
        </summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full text-left text-xs">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-500 dark:border-slate-700">
                {table.header.map((h, i) => (
                  <th
                    key={h}
                    scope="col"
                    className={i === 0 ? 'py-1 pr-4 font-medium' : 'py-1 pr-4 text-right font-medium'}
                  >
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={String(row[0])} className="border-b border-slate-100 dark:border-slate-800">
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={table.header[i]} scope="row" className="py-1 pr-4 font-normal">
                        {format(cell)}
                      </th>
                    ) : (
                      <td key={table.header[i]} className="py-1 pr-4 text-right tabular-nums">
                        {format(cell)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
