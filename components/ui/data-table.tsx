import type { ReactNode } from 'react';
import { cn } from '@/lib/utils/cn';

export interface TDataTableColumn {
  label: string;
  /** Set on sortable columns: announced by screen readers as aria-sort on the column header. */
  sort?: 'ascending' | 'descending' | 'none';
  /** Classes of this column's cells (e.g. 'tabular-nums', 'font-mono text-xs'). */
  className?: string;
}

export interface TDataTableRow {
  key: string;
  cells: ReactNode[];
  className?: string;
}

const DENSITY = { compact: 'px-3 py-2', normal: 'px-4 py-2', comfortable: 'px-5 py-3' } as const;

/**
 * A data table with the app's accessible structure: a caption (screen readers; visually hidden), column headers
 * (scope="col", aria-sort on sortable columns), the first cell of each row as its row header (scope="row"), and
 * an empty state instead of an empty table. Columns are plain strings or TDataTableColumn.
 */
export function DataTable({
  caption,
  columns,
  rows,
  empty = 'Nothing to show.',
  rowHeader = true,
  density = 'normal',
  stickyHeader = false,
  className,
}: {
  caption: ReactNode;
  columns: readonly (string | TDataTableColumn)[];
  rows: readonly TDataTableRow[];
  empty?: ReactNode;
  rowHeader?: boolean;
  density?: keyof typeof DENSITY;
  stickyHeader?: boolean;
  className?: string;
}) {
  if (rows.length === 0) {
    return typeof empty === 'string' ? <p className="px-5 py-5 text-sm text-slate-500">{empty}</p> : empty;
  }
  const cols = columns.map((c) => (typeof c === 'string' ? { label: c } : c));
  const pad = DENSITY[density];
  return (
    <table className={cn('w-full text-left text-sm', className)}>
      <caption className="sr-only">{caption}</caption>
      <thead
        className={cn(
          'border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500',
          stickyHeader && 'sticky top-0 bg-white dark:bg-slate-900',
        )}
      >
        <tr>
          {cols.map((c) => (
            <th key={c.label} scope="col" aria-sort={c.sort} className={cn(pad, 'font-medium')}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={cn('border-b border-slate-100 last:border-0', row.className)}>
            {row.cells.map((cell, i) =>
              i === 0 && rowHeader ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <th key={i} scope="row" className={cn(pad, 'font-medium', cols[i]?.className)}>
                  {cell}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={i} className={cn(pad, cols[i]?.className)}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
