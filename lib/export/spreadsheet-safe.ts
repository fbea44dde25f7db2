/**
 * The one formula-injection neutraliser of every export (records/audit/error CSV, report CSV and XLSX).
 * Spreadsheet apps run a cell starting with = + - @ as a formula, and tab/CR starts are used to smuggle one
 * past naive filters (OWASP "CSV injection"). Such text gets a leading apostrophe, which Excel, LibreOffice and
 * Sheets show as plain text. Numbers are never passed here: a negative number stays a number.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** `text` made inert for spreadsheets (leading apostrophe when it could start a formula). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A neutralised text cell, quoted per RFC 4180 when it holds a quote, comma or line break. */
export function toCsvTextField(text: string): string {
  const safe = neutraliseFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
