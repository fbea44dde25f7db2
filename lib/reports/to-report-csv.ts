import { toCsvTextField } from '@/lib/export/spreadsheet-safe';
import type { TEsgReport } from './report-model';

/** Quotes a text cell and neutralises formula starts (lib/export/spreadsheet-safe.ts). */
export const csvText = toCsvTextField;

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
