import type { CsvRow } from './types';

export type Delimiter = ',' | ';' | '\t';

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

/**
 * RFC 4180 tokenizer that keeps the physical 1-based line where each record starts, so errors point at the
 * right line even after quoted fields with embedded newlines. Accepts LF, CRLF and lone CR line ends;
 * `""` inside quotes is a literal quote; a quote that is not at the start of a field is kept literally.
 * Blank lines are dropped.
 */
export function tokenizeCsv(
  text: string,
  delimiter: Delimiter,
): { rows: CsvRow[]; unterminated: number | null } {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false; // a quoted field counts as content even when empty ("")
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  const endRow = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0]?.trim() === '' && !fieldStarted;
    if (!blank) {
      rows.push({ line: rowLine, fields });
    }
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
          line++;
        }
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      fieldStarted = true;
      quoteLine = line;
      field = '';
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') {
        i++;
      }
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) {
    endRow();
    return { rows, unterminated: quoteLine };
  }
  if (field !== '' || fields.length > 0 || fieldStarted) {
    endRow();
  }
  return { rows, unterminated: null };
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
