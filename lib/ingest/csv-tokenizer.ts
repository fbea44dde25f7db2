import { CsvRowTooLongError, MAX_ROW_CHARS } from './limits';
import type { CsvRow } from './types';

export type Delimiter = ',' | ';' | '\t';

/** Incremental RFC 4180 tokenizer: text goes in by chunks, complete rows come out with their start lines. */
export interface CsvTokenizer {
  /** Tokenises `text` (continuing the previous chunk) and returns the rows completed in it. */
  push(text: string): CsvRow[];
  /** Flushes the last row. `unterminated` is the line of a quote never closed (the last row holds it). */
  end(): { rows: CsvRow[]; unterminated: number | null };
}

/**
 * RFC 4180 tokenizer that keeps the physical 1-based line where each record starts, so errors point at the
 * right line even after quoted fields with embedded newlines. Accepts LF, CRLF and lone CR line ends;
 * `""` inside quotes is a literal quote; a quote that is not at the start of a field is kept literally.
 * Blank lines are dropped. A chunk ending in `"` or `\r` is held back one character, because its meaning
 * depends on the next character (`""`, `\r\n`), so chunk boundaries never change the result.
 * A row longer than `maxRowChars` throws `CsvRowTooLongError`, so memory stays bounded on hostile input.
 */
export function createCsvTokenizer(delimiter: Delimiter, maxRowChars = MAX_ROW_CHARS): CsvTokenizer {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false; // a quoted field counts as content even when empty ("")
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  let pending = '';
  let out: CsvRow[] = [];
  let rowStart = 0; // index in the current scan where the current row began (negative: earlier chunks)
  const endRow = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0]?.trim() === '' && !fieldStarted;
    if (!blank) {
      out.push({ line: rowLine, fields });
    }
    fields = [];
    field = '';
    fieldStarted = false;
  };
  const scan = (text: string, final: boolean) => {
    let limit = text.length;
    if (!final && limit > 0 && (text[limit - 1] === '"' || text[limit - 1] === '\r')) {
      limit -= 1;
      pending = text.slice(limit);
    } else {
      pending = '';
    }
    const checkLength = (i: number) => {
      if (i - rowStart > maxRowChars) {
        throw new CsvRowTooLongError(rowLine, maxRowChars);
      }
    };
    for (let i = 0; i < limit; i++) {
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
        checkLength(i);
        endRow();
        line++;
        rowLine = line;
        rowStart = i + 1;
      } else {
        field += ch;
      }
    }
    checkLength(limit);
    rowStart -= limit;
  };
  return {
    push(text) {
      scan(pending + text, false);
      const rows = out;
      out = [];
      return rows;
    },
    end() {
      scan(pending, true);
      pending = '';
      let unterminated: number | null = null;
      if (quoted) {
        endRow();
        unterminated = quoteLine;
      } else if (field !== '' || fields.length > 0 || fieldStarted) {
        endRow();
      }
      const rows = out;
      out = [];
      return { rows, unterminated };
    },
  };
}
