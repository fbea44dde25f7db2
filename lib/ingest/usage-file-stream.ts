import { isValidTimeZone } from '@/lib/emissions/time-zone';
import { ZColumnMapping } from '@/lib/schemas/column-mapping';
import { USAGE_RECORD_CSV_COLUMNS, usageRecordSchemaAt, ZUsageRecordInput } from '@/lib/schemas/usage-record';
import { appendAll } from '@/lib/utils/append-all';
import { parseCodecarbonTable } from './codecarbon-parser';
import { detectDelimiter, isBlankRow } from './csv-table';
import { type CsvTokenizer, createCsvTokenizer, type Delimiter } from './csv-tokenizer';
import { detectFormat } from './detect-format';
import { createGenericRowParser, type GenericRowParser } from './generic-parser';
import {
  CsvRowTooLongError,
  describeControlCharacter,
  findControlCharacterField,
  MAX_COLUMNS,
  MAX_ROW_CHARS,
  rowTooLongMessage,
} from './limits';
import { DEFAULT_NVIDIA_SMI_MAX_GAP_SECONDS, parseNvidiaSmiTable } from './nvidia-smi-parser';
import { createTextChunkDecoder } from './text-chunk-decoder';
import type { CsvRow, IngestFormat, ParsedRecord, ParseOptions, ParseResult, RowError } from './types';

const ACCEPTED =
  'accepted formats: generic template v1 (docs/CSV_FORMAT.md), CodeCarbon emissions.csv, nvidia-smi --query-gpu CSV; or map the columns';

/** What a stream knows once the file is read: everything of a `ParseResult` except the records. */
export type UsageFileSummary = Omit<ParseResult, 'records'> & {
  /** The file as a whole is unusable (encoding, header, unknown format): no row can be imported. */
  fatal: boolean;
};

const SNAKE_CASE_OF: Record<string, string> = Object.fromEntries(
  Object.entries(USAGE_RECORD_CSV_COLUMNS).map(([snake, key]) => [key, snake]),
);

// Excel writes `sep=;` as the first line of some CSV exports to declare the delimiter.
const SEP_DIRECTIVE = /^sep=([,;\t])\s*$/i;

function delimiterOf(firstLine: string): Delimiter {
  const directive = SEP_DIRECTIVE.exec(firstLine.replace(/^\s+/, ''));
  return directive ? (directive[1] as Delimiter) : detectDelimiter(firstLine);
}

function isSepDirective(row: CsvRow, delimiter: Delimiter): boolean {
  return row.fields.join(delimiter).trim().toLowerCase() === `sep=${delimiter}`.trim();
}

/** Parses an upload chunk by chunk. Generic/mapped rows come out as they are read; CodeCarbon and nvidia-smi
 *  rows are kept until `end()` (runs and power samples need the whole file: keep-latest and integration). */
export interface UsageFileStream {
  push(bytes: Uint8Array): ParsedRecord[];
  end(): ParsedRecord[];
  summary(): UsageFileSummary;
}

/**
 * Streaming entry point of the upload parser: the same rules, messages and line numbers as
 * `parseUsageFile`, without holding the file. Pure (no I/O, clock or environment).
 */
export function createUsageFileStream(options: ParseOptions): UsageFileStream {
  const { fileName } = options;
  // Built once per file: the bounds relative to `now` (docs/CSV_FORMAT.md "Plausible ranges").
  const schema = options.now ? usageRecordSchemaAt(options.now) : ZUsageRecordInput;
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const errorLines = new Set<number>();
  const sink = {
    errorLines,
    error(line: number, column: string | null, message: string) {
      errors.push({ fileName, line, column, message });
      errorLines.add(line);
    },
    warn(line: number, column: string | null, message: string) {
      warnings.push({ fileName, line, column, message });
    },
  };
  const decoder = createTextChunkDecoder();
  let pendingText = '';
  let tokenizer: CsvTokenizer | null = null;
  let delimiter: Delimiter = ',';
  let header: CsvRow | null = null;
  let format: IngestFormat = 'unknown';
  let mode: 'generic' | 'buffer' | 'skip' = 'skip';
  let parseRow: GenericRowParser | null = null;
  const buffered: CsvRow[] = [];
  let dataRows = 0;
  let accepted = 0;
  let collapsed = 0;
  let fatal = false;
  let needsMapping = false;
  let tooLong = false;
  let sepSkipped = false;
  const fail = (line: number, column: string | null, message: string) => {
    sink.error(line, column, message);
    fatal = true;
    mode = 'skip';
  };

  const startBody = (headerRow: CsvRow) => {
    header = { line: headerRow.line, fields: headerRow.fields.map((f) => f.trim()) };
    const headers = header.fields;
    if (headers.length > MAX_COLUMNS) {
      return fail(
        header.line,
        null,
        `the header has ${headers.length.toLocaleString('en-US')} columns; the limit is ${MAX_COLUMNS.toLocaleString('en-US')} (wrong delimiter, or not a usage file?)`,
      );
    }
    const control = findControlCharacterField(headers);
    if (control >= 0) {
      return fail(
        header.line,
        null,
        `header column ${control + 1} contains a control character (${describeControlCharacter(headers[control] ?? '')}); the file is binary or corrupt`,
      );
    }
    const requested = options.format ?? 'auto';
    const detected = requested === 'auto' ? detectFormat(headers) : requested;
    format = detected === 'codecarbon-task' ? 'codecarbon' : detected;
    const needsZone = detected === 'codecarbon' || detected === 'nvidia-smi';
    if (needsZone && !isValidTimeZone(options.timeZone ?? 'UTC')) {
      return fail(
        header.line,
        null,
        `unknown time zone "${options.timeZone}"; use an IANA name such as Europe/Paris or UTC`,
      );
    }
    if (detected === 'codecarbon-task') {
      return fail(
        header.line,
        'task_name',
        'this is a CodeCarbon per-task file (emissions_<experiment>_<run>.csv); upload the run totals in emissions.csv instead — importing both would double count',
      );
    }
    if (detected === 'codecarbon' || detected === 'nvidia-smi') {
      const gap = options.nvidiaSmiMaxGapSeconds ?? DEFAULT_NVIDIA_SMI_MAX_GAP_SECONDS;
      if (detected === 'nvidia-smi' && !(Number.isFinite(gap) && gap > 0)) {
        return fail(
          header.line,
          null,
          `nvidiaSmiMaxGapSeconds must be a positive number of seconds (got ${gap})`,
        );
      }
      mode = 'buffer';
      return;
    }
    if (detected === 'unknown' && !options.mapping) {
      needsMapping = true;
      return fail(
        header.line,
        null,
        `unrecognised header (${headers.slice(0, 6).join(', ')}${headers.length > 6 ? ', …' : ''}); ${ACCEPTED}`,
      );
    }
    format = 'generic';
    let mapping: ParseOptions['mapping'];
    if (options.mapping) {
      const parsed = ZColumnMapping.safeParse(options.mapping);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          sink.error(header.line, String(issue.path[0] ?? '') || null, `column mapping: ${issue.message}`);
        }
        fatal = true;
        return;
      }
      mapping = parsed.data;
    }
    parseRow = createGenericRowParser(header, delimiter, mapping, sink, options.onRecordId, schema);
    fatal = parseRow === null;
    mode = 'generic';
  };

  const passesRecordCheck = (parsed: ParsedRecord): boolean => {
    const issues = options.checkRecord?.(parsed.record) ?? [];
    for (const issue of issues) {
      const column =
        Object.entries(options.mapping ?? {}).find(([, target]) => target.field === issue.field)?.[0] ??
        SNAKE_CASE_OF[issue.field] ??
        issue.field;
      sink.error(parsed.line, column, `${column}: ${issue.message}`);
    }
    return issues.length === 0;
  };

  const takeRows = (rows: CsvRow[]): ParsedRecord[] => {
    const records: ParsedRecord[] = [];
    for (const row of rows) {
      if (!header && !sepSkipped && isSepDirective(row, delimiter)) {
        sepSkipped = true;
        continue;
      }
      if (!header) {
        startBody(row);
        continue;
      }
      if (isBlankRow(row)) {
        continue;
      }
      dataRows += 1;
      const control = findControlCharacterField(row.fields);
      if (control >= 0 && mode !== 'skip') {
        const column = (header as CsvRow).fields[control] || null;
        sink.error(
          row.line,
          column,
          `${column ?? `field ${control + 1}`}: contains a control character (${describeControlCharacter(row.fields[control] ?? '')}); binary data or a corrupt export, remove it`,
        );
        continue;
      }
      if (mode === 'buffer') {
        buffered.push(row);
      } else if (mode === 'generic') {
        const record = parseRow ? parseRow(row) : null;
        if (!parseRow) {
          errorLines.add(row.line);
        } else if (record && passesRecordCheck(record)) {
          records.push(record);
        }
      }
    }
    accepted += records.length;
    return records;
  };

  const feedText = (text: string): ParsedRecord[] => {
    try {
      return feedTokens(text);
    } catch (error) {
      if (error instanceof CsvRowTooLongError) {
        fail(error.line, null, error.message);
        tooLong = true;
        return [];
      }
      throw error;
    }
  };

  const feedTokens = (text: string): ParsedRecord[] => {
    if (tokenizer) {
      return takeRows(tokenizer.push(text));
    }
    pendingText += text;
    if (pendingText.length > MAX_ROW_CHARS && !/[\r\n]/.test(pendingText.slice(0, MAX_ROW_CHARS))) {
      pendingText = '';
      fail(1, null, rowTooLongMessage(1, MAX_ROW_CHARS));
      tooLong = true;
      return [];
    }
    // The delimiter comes from the first non-blank line, so wait until that line is complete.
    const lines = pendingText.split(/\r\n|\n|\r/);
    const firstIndex = lines.findIndex((l) => l.trim() !== '');
    if (firstIndex === -1 || firstIndex === lines.length - 1) {
      return [];
    }
    delimiter = delimiterOf(lines[firstIndex] ?? '');
    tokenizer = createCsvTokenizer(delimiter);
    const all = pendingText;
    pendingText = '';
    return takeRows(tokenizer.push(all));
  };

  return {
    push(bytes) {
      const text = decoder.push(bytes);
      return decoder.problem || fatal ? [] : feedText(text);
    },
    end() {
      const tail = decoder.end();
      if (decoder.problem) {
        fail(1, null, decoder.problem);
        return [];
      }
      const records = fatal ? [] : feedText(tail);
      if (tooLong) {
        return [];
      }
      if (!tokenizer) {
        if (pendingText.trim() === '') {
          fail(1, null, 'file is empty');
          return records;
        }
        delimiter = delimiterOf(pendingText.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '');
        tokenizer = createCsvTokenizer(delimiter);
        const all = pendingText;
        pendingText = '';
        appendAll(records, feedText(all));
        if (tooLong) {
          return [];
        }
      }
      let last: ReturnType<CsvTokenizer['end']>;
      try {
        last = tokenizer.end();
      } catch (error) {
        if (error instanceof CsvRowTooLongError) {
          fail(error.line, null, error.message);
          return [];
        }
        throw error;
      }
      let rows = last.rows;
      let swallowed: CsvRow | undefined;
      if (last.unterminated !== null && (header || rows.length > 1)) {
        swallowed = rows[rows.length - 1];
        rows = rows.slice(0, -1);
      }
      appendAll(records, takeRows(rows));
      if (!header) {
        fail(1, null, 'file is empty');
        return records;
      }
      const table = () => ({ delimiter, header: header as CsvRow, rows: buffered, unterminated: null });
      if (swallowed && last.unterminated !== null) {
        dataRows += 1;
        sink.error(
          swallowed.line,
          null,
          `a quoted value opened on line ${last.unterminated} is never closed, so the rest of the file was swallowed into this row; add the closing " or remove the stray quote`,
        );
      }
      if (mode === 'buffer' && format === 'codecarbon') {
        const out = parseCodecarbonTable(
          table(),
          { timeZone: options.timeZone ?? 'UTC', defaults: options.defaults ?? {}, schema },
          sink,
        );
        collapsed = out.collapsed;
        appendAll(records, out.records);
        accepted += out.records.length;
      } else if (mode === 'buffer' && format === 'nvidia-smi') {
        const maxGapSeconds = options.nvidiaSmiMaxGapSeconds ?? DEFAULT_NVIDIA_SMI_MAX_GAP_SECONDS;
        const out = parseNvidiaSmiTable(
          table(),
          { timeZone: options.timeZone ?? 'UTC', defaults: options.defaults ?? {}, maxGapSeconds, schema },
          sink,
        );
        appendAll(records, out);
        accepted += out.length;
      }
      return records;
    },
    summary() {
      const headerLine = (header as CsvRow | null)?.line ?? 0;
      const rejected = [...errorLines].filter((line) => line > headerLine).length;
      return {
        format,
        errors,
        warnings,
        headers: (header as CsvRow | null)?.fields ?? [],
        ...(needsMapping ? { needsMapping } : {}),
        fatal: fatal || errors.some((e) => e.line <= headerLine),
        stats: { rows: dataRows, accepted, rejected, duplicatesCollapsed: collapsed },
      };
    },
  };
}
