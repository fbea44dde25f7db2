import { createCsvTokenizer, type Delimiter } from './csv-tokenizer';
import type { CsvRow } from './types';

export type { Delimiter };

/** A tokenised file: the header row, the data rows, and quoting problems. */
export interface CsvTable {
  delimiter: Delimiter;
  header: CsvRow;
  rows: CsvRow[];
  /**
   * An unterminated quote swallows the rest of the file: the row holding it (starting at `rowLine`) is left
   * out of `rows` and reported once, naming the line where the quote opened.
   */
  unterminated: { rowLine: number; quoteLine: number } | null;
}

/**
 * Picks the delimiter that occurs most often outside quotes in the header line (`,` wins ties and
 * single-column headers). Excel in comma-decimal locales writes `;`; some exports use tab.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) {
      counts[ch]++;
    }
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) {
    if (counts[d] > counts[best]) {
      best = d;
    }
  }
  return best;
}

/** Tokenises a whole decoded text at once (see `createCsvTokenizer`). */
export function tokenizeCsv(
  text: string,
  delimiter: Delimiter,
): { rows: CsvRow[]; unterminated: number | null } {
  const tokenizer = createCsvTokenizer(delimiter);
  const rows = tokenizer.push(text);
  const last = tokenizer.end();
  return { rows: [...rows, ...last.rows], unterminated: last.unterminated };
}

/** Tokenises a decoded file; the first non-blank line is the header. Returns null for a file with no rows. */
export function readCsvTable(text: string): CsvTable | null {
  const firstLine = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const delimiter = detectDelimiter(firstLine);
  const { rows, unterminated } = tokenizeCsv(text, delimiter);
  const swallowed = unterminated !== null && rows.length > 1 ? rows.pop() : undefined;
  const [header, ...data] = rows;
  if (!header) {
    return null;
  }
  // Trim header names: nvidia-smi separates with ", " and spreadsheets add stray spaces.
  return {
    delimiter,
    header: { line: header.line, fields: header.fields.map((f) => f.trim()) },
    rows: data,
    unterminated:
      swallowed && unterminated !== null ? { rowLine: swallowed.line, quoteLine: unterminated } : null,
  };
}

/** True when every cell of a row is blank (e.g. ",,,," lines left by spreadsheets). */
export function isBlankRow(row: CsvRow): boolean {
  return row.fields.every((f) => f.trim() === '');
}
