import { toCsvTextField } from '@/lib/export/spreadsheet-safe';

/**
 * CSV (RFC 4180) with formula-injection protection: a text cell starting with = + - @ (or tab/CR) is prefixed
 * with a single quote so spreadsheets show it as text (OWASP "CSV injection"). Numbers are written as numbers.
 */
export type TCsvCell = string | number | boolean | null | undefined;

export function csvCell(value: TCsvCell): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  return toCsvTextField(String(value));
}

export function csvLine(cells: readonly TCsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly TCsvCell[])[]): string {
  return csvLine(header) + rows.map(csvLine).join('');
}
