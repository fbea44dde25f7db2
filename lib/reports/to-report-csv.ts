import type { TEsgReport } from './report-model';

/** Text starting with these characters is read as a formula by spreadsheet apps (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes a text cell and neutralises formula starts with a leading apostrophe (OWASP CSV injection advice). */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const REPORT_CSV_HEADER = ['section', 'metric', 'value', 'unit', 'period', 'basis'] as const;

/** Flat CSV: one row per figure (section, metric, value, unit, period, basis); numbers unquoted, "." decimal. */
export function toReportCsv(report: TEsgReport): string {
  const lines = [REPORT_CSV_HEADER.join(',')];
  for (const f of report.figures) {
    lines.push(
      [
        csvText(f.section),
        csvText(f.metric),
        f.value === null ? '' : String(f.value),
        csvText(f.unit),
        csvText(f.period),
        csvText(f.basis),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Stable JSON (2-space indent, keys in model order) so a frozen model re-exports byte for byte. */
export function toReportJson(report: TEsgReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
