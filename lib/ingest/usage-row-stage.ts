import { USAGE_RECORD_CSV_COLUMNS } from '@/lib/schemas/usage-record';
import { parseCodecarbonTable } from './codecarbon-parser';
import { isSepDirective } from './csv-row-reader';
import { isBlankRow } from './csv-table';
import type { Delimiter } from './csv-tokenizer';
import { describeControlCharacter, findControlCharacterField } from './limits';
import { DEFAULT_NVIDIA_SMI_MAX_GAP_SECONDS, parseNvidiaSmiTable } from './nvidia-smi-parser';
import type { TRowErrorSink } from './row-error-sink';
import type { CsvRow, ParsedRecord, ParseOptions } from './types';
import { NO_BODY, openUsageBody, type TUsageBody } from './usage-file-header';
import type { TRecordSchema } from './validate-record';

const SNAKE_CASE_OF: Record<string, string> = Object.fromEntries(
  Object.entries(USAGE_RECORD_CSV_COLUMNS).map(([snake, key]) => [key, snake]),
);

/** Data rows read (blank rows aside), records accepted, CodeCarbon rows collapsed into their run's record. */
export interface TRowCounts {
  rows: number;
  accepted: number;
  collapsed: number;
}

/**
 * Parse stage 3: CSV rows → validated records. The first row (after an Excel `sep=` line) is the header
 * (`openUsageBody`); generic and mapped rows come out as they are taken, CodeCarbon and nvidia-smi rows are
 * kept until `finish` (runs and power samples need the whole file: keep-latest and integration).
 */
export interface TUsageRowStage {
  take(rows: CsvRow[], delimiter: Delimiter): ParsedRecord[];
  /** A row that swallowed the rest of the file (a quote opened on `quoteLine` is never closed): rejected. */
  reject(row: CsvRow, quoteLine: number): void;
  /** The records of the kept rows (CodeCarbon, nvidia-smi); none for generic files. */
  finish(delimiter: Delimiter): ParsedRecord[];
  readonly header: CsvRow | null;
  readonly body: TUsageBody;
  readonly counts: Readonly<TRowCounts>;
}

export function createUsageRowStage(
  options: ParseOptions,
  sink: TRowErrorSink,
  schema: TRecordSchema,
): TUsageRowStage {
  const state: { header: CsvRow | null; body: TUsageBody; sepSkipped: boolean; kept: CsvRow[] } = {
    header: null,
    body: NO_BODY,
    sepSkipped: false,
    kept: [],
  };
  const counts: TRowCounts = { rows: 0, accepted: 0, collapsed: 0 };

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

  const takeDataRow = (row: CsvRow, header: CsvRow, records: ParsedRecord[]) => {
    const { body } = state;
    const control = findControlCharacterField(row.fields);
    if (control >= 0 && body.mode !== 'skip') {
      const column = header.fields[control] || null;
      sink.error(
        row.line,
        column,
        `${column ?? `field ${control + 1}`}: contains a control character (${describeControlCharacter(row.fields[control] ?? '')}); binary data or a corrupt export, remove it`,
      );
      return;
    }
    if (body.mode === 'buffer') {
      state.kept.push(row);
    } else if (body.mode === 'generic') {
      const record = body.parseRow ? body.parseRow(row) : null;
      if (!body.parseRow) {
        sink.errorLines.add(row.line);
      } else if (record && passesRecordCheck(record)) {
        records.push(record);
      }
    }
  };

  return {
    take(rows, delimiter) {
      const records: ParsedRecord[] = [];
      for (const row of rows) {
        const { header } = state;
        if (!header && !state.sepSkipped && isSepDirective(row, delimiter)) {
          state.sepSkipped = true;
        } else if (!header) {
          state.header = { line: row.line, fields: row.fields.map((f) => f.trim()) };
          state.body = openUsageBody(state.header, delimiter, options, sink, schema);
        } else if (!isBlankRow(row)) {
          counts.rows += 1;
          takeDataRow(row, header, records);
        }
      }
      counts.accepted += records.length;
      return records;
    },
    reject(row, quoteLine) {
      counts.rows += 1;
      sink.error(
        row.line,
        null,
        `a quoted value opened on line ${quoteLine} is never closed, so the rest of the file was swallowed into this row; add the closing " or remove the stray quote`,
      );
    },
    finish(delimiter) {
      const { header, body } = state;
      if (!header || body.mode !== 'buffer') {
        return [];
      }
      const table = { delimiter, header, rows: state.kept, unterminated: null };
      const base = { timeZone: options.timeZone ?? 'UTC', defaults: options.defaults ?? {}, schema };
      let records: ParsedRecord[];
      if (body.format === 'codecarbon') {
        const out = parseCodecarbonTable(table, base, sink);
        counts.collapsed = out.collapsed;
        records = out.records;
      } else {
        const maxGapSeconds = options.nvidiaSmiMaxGapSeconds ?? DEFAULT_NVIDIA_SMI_MAX_GAP_SECONDS;
        records = parseNvidiaSmiTable(table, { ...base, maxGapSeconds }, sink);
      }
      counts.accepted += records.length;
      return records;
    },
    get header() {
      return state.header;
    },
    get body() {
      return state.body;
    },
    counts,
  };
}
