import { toCsvTextField } from '@/lib/export/spreadsheet-safe';
import type { RowError } from './types';

/**
 * Spreadsheet-safe cell: a value starting with = + - @ (or tab/CR) would be run as a formula by Excel or
 * Sheets (CSV injection, OWASP), so it gets a leading apostrophe; then RFC 4180 quoting.
 */
export function toSafeCsvCell(value: string | number | null): string {
  return toCsvTextField(value === null ? '' : String(value));
}

/** The row errors of an upload as a CSV file (file, line, column, message), one error per line. */
export function toErrorReportCsv(errors: readonly RowError[]): string {
  const lines = ['file,line,column,message'];
  for (const e of errors) {
    lines.push([e.fileName, e.line, e.column, e.message].map(toSafeCsvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
