import { tokenizeCsv } from '@/lib/ingest/csv-table';

/**
 * Parses comma-separated text with a header row into string records, with the upload parser's tokenizer
 * (`createCsvTokenizer`: one CSV reader in the project, docs/DECISIONS.md). A leading BOM is dropped, header
 * names and cells are trimmed, blank lines are skipped; a row shorter than the header lacks the missing keys
 * and cells past the header's width are dropped. `fromLine`: the 1-based physical line the header is on or
 * after (lines before it are ignored). Throws on a quote that is never closed: the bundled files are data the
 * library is built from, so a broken one must not load half its rows.
 */
export function csvRows(text: string, options: { fromLine?: number } = {}): Record<string, string>[] {
  const { rows, unterminated } = tokenizeCsv(text.replace(/^\uFEFF/, ''), ',');
  if (unterminated !== null) {
    throw new Error(`CSV: a quoted value opened on line ${unterminated} is never closed`);
  }
  const fromLine = options.fromLine ?? 1;
  const [header, ...data] = rows.filter((row) => row.line >= fromLine);
  if (!header) {
    return [];
  }
  const names = header.fields.map((name) => name.trim());
  return data.map((row) =>
    Object.fromEntries(row.fields.slice(0, names.length).map((cell, i) => [names[i], cell.trim()])),
  );
}

/** Finite number or null (empty, NaN and non-numeric cells become null). */
export function numberOrNull(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') {
    return null;
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
