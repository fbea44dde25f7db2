import { parse } from 'csv-parse/sync';

/** Parses CSV text with a header row into string records (trimmed, empty lines skipped). */
export function csvRows(text: string, options: { fromLine?: number } = {}): Record<string, string>[] {
  return parse(text, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    from_line: options.fromLine ?? 1,
    relax_column_count: true,
    bom: true,
  }) as Record<string, string>[];
}

/** Finite number or null (empty, NaN and non-numeric cells become null). */
export function numberOrNull(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') {
    return null;
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
