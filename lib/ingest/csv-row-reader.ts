import { detectDelimiter } from './csv-table';
import { type CsvTokenizer, createCsvTokenizer, type Delimiter } from './csv-tokenizer';
import { CsvRowTooLongError, MAX_ROW_CHARS, rowTooLongMessage } from './limits';
import type { CsvRow } from './types';

// Excel writes `sep=;` as the first line of some CSV exports to declare the delimiter.
const SEP_DIRECTIVE = /^sep=([,;\t])\s*$/i;

function delimiterOf(firstLine: string): Delimiter {
  const directive = SEP_DIRECTIVE.exec(firstLine.replace(/^\s+/, ''));
  return directive ? (directive[1] as Delimiter) : detectDelimiter(firstLine);
}

/** Excel's `sep=` line, tokenised with the delimiter it declares. */
export function isSepDirective(row: CsvRow, delimiter: Delimiter): boolean {
  return row.fields.join(delimiter).trim().toLowerCase() === `sep=${delimiter}`.trim();
}

/** Why the text cannot be read as CSV (a row over the length limit): rows stop there. */
export interface TReadProblem {
  line: number;
  message: string;
}

/** The rows left when the text ends. */
export interface TCsvReaderEnd {
  /** Rows of text held back while the first line was incomplete (a file shorter than one line). */
  held: CsvRow[];
  /** The tokenizer's last rows; `unterminated`: line of a quote never closed (the last row holds it). */
  rows: CsvRow[];
  unterminated: number | null;
  /** The text had no non-blank character. */
  empty: boolean;
}

/**
 * Parse stage 1: decoded text → CSV rows with their physical lines. The delimiter is taken from the first
 * non-blank line (Excel's `sep=` directive, else the most frequent of `,` `;` tab), so text is held until that
 * line is complete; after that rows come out as the text arrives. A row over `MAX_ROW_CHARS` sets `problem`.
 */
export interface TCsvRowReader {
  push(text: string): CsvRow[];
  end(): TCsvReaderEnd;
  readonly delimiter: Delimiter;
  problem(): TReadProblem | null;
}

export function createCsvRowReader(): TCsvRowReader {
  const state: {
    held: string;
    tokenizer: CsvTokenizer | null;
    delimiter: Delimiter;
    problem: TReadProblem | null;
  } = { held: '', tokenizer: null, delimiter: ',', problem: null };

  // Tokenizer errors become the reader's problem: memory stays bounded on hostile input.
  const guarded = (tokenize: () => CsvRow[]): CsvRow[] => {
    try {
      return tokenize();
    } catch (error) {
      if (error instanceof CsvRowTooLongError) {
        state.problem = { line: error.line, message: error.message };
        return [];
      }
      throw error;
    }
  };
  const start = (firstLine: string): CsvTokenizer => {
    state.delimiter = delimiterOf(firstLine);
    const tokenizer = createCsvTokenizer(state.delimiter);
    state.tokenizer = tokenizer;
    return tokenizer;
  };
  const releaseHeld = (tokenizer: CsvTokenizer): CsvRow[] => {
    const all = state.held;
    state.held = '';
    return guarded(() => tokenizer.push(all));
  };

  return {
    push(text) {
      if (state.tokenizer) {
        const tokenizer = state.tokenizer;
        return guarded(() => tokenizer.push(text));
      }
      state.held += text;
      if (state.held.length > MAX_ROW_CHARS && !/[\r\n]/.test(state.held.slice(0, MAX_ROW_CHARS))) {
        state.held = '';
        state.problem = { line: 1, message: rowTooLongMessage(1, MAX_ROW_CHARS) };
        return [];
      }
      const lines = state.held.split(/\r\n|\n|\r/);
      const firstIndex = lines.findIndex((l) => l.trim() !== '');
      if (firstIndex === -1 || firstIndex === lines.length - 1) {
        return [];
      }
      return releaseHeld(start(lines[firstIndex] ?? ''));
    },
    end() {
      let held: CsvRow[] = [];
      if (!state.tokenizer) {
        if (state.held.trim() === '') {
          return { held, rows: [], unterminated: null, empty: true };
        }
        held = releaseHeld(start(state.held.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? ''));
        if (state.problem) {
          return { held: [], rows: [], unterminated: null, empty: false };
        }
      }
      const tokenizer = state.tokenizer as CsvTokenizer;
      let unterminated: number | null = null;
      const rows = guarded(() => {
        const last = tokenizer.end();
        unterminated = last.unterminated;
        return last.rows;
      });
      return { held, rows, unterminated, empty: false };
    },
    get delimiter() {
      return state.delimiter;
    },
    problem: () => state.problem,
  };
}
