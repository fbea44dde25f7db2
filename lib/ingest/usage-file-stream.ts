import { usageRecordSchemaAt, usageRecordSchemaIn } from '@/lib/schemas/usage-record';
import { appendAll } from '@/lib/utils/append-all';
import { createCsvRowReader } from './csv-row-reader';
import { noopTracer, type TIngestTracer } from './ingest-tracer';
import { createRowErrorSink } from './row-error-sink';
import { createTextChunkDecoder } from './text-chunk-decoder';
import type { CsvRow, ParsedRecord, ParseOptions, ParseResult } from './types';
import { createUsageRowStage } from './usage-row-stage';

/** What a stream knows once the file is read: everything of a `ParseResult` except the records. */
export type UsageFileSummary = Omit<ParseResult, 'records'> & {
  /** The file as a whole is unusable (encoding, header, unknown format): no row can be imported. */
  fatal: boolean;
};

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
 *
 * Three stages, each its own object: bytes → text (`createTextChunkDecoder`, the `decode` span), text → CSV
 * rows (`createCsvRowReader`) and rows → validated records (`createUsageRowStage`; both the `parse` span).
 * This function only wires them and stops at the first problem that makes the whole file unusable.
 */
export function createUsageFileStream(
  options: ParseOptions,
  tracer: TIngestTracer = noopTracer,
): UsageFileStream {
  // Built once per file: the bounds relative to `now` (docs/CSV_FORMAT.md "Plausible ranges") and timestamps
  // without offset read as wall time in the file's zone (docs/CSV_FORMAT.md "Timestamps").
  const timeZone = options.timeZone ?? 'UTC';
  const schema = options.now ? usageRecordSchemaAt(options.now, timeZone) : usageRecordSchemaIn(timeZone);
  const sink = createRowErrorSink(options.fileName);
  const decoder = createTextChunkDecoder();
  const reader = createCsvRowReader();
  const table = createUsageRowStage(options, sink, schema);
  // Set by a problem of the file as a whole found here (encoding, row length, no rows); header problems are
  // the row stage's `body.fatal`.
  const stopped = { fatal: false };
  const fail = (line: number, message: string) => {
    sink.error(line, null, message);
    stopped.fatal = true;
  };
  const isFatal = () => stopped.fatal || table.body.fatal;

  /** Text → records; false when the reader met a row over the length limit (then nothing more is read). */
  const parseText = (text: string, into: ParsedRecord[]): boolean => {
    const rows = reader.push(text);
    const problem = reader.problem();
    if (problem) {
      fail(problem.line, problem.message);
      return false;
    }
    appendAll(into, table.take(rows, reader.delimiter));
    return true;
  };

  const parseEnd = (tail: string): ParsedRecord[] => {
    const records: ParsedRecord[] = [];
    if (reader.problem() || (!isFatal() && !parseText(tail, records))) {
      return [];
    }
    const last = reader.end();
    if (last.empty) {
      fail(1, 'file is empty');
      return records;
    }
    appendAll(records, table.take(last.held, reader.delimiter));
    const problem = reader.problem();
    if (problem) {
      fail(problem.line, problem.message);
      return [];
    }
    // An unterminated quote swallows the rest of the file into the last row, unless that row is the header.
    const swallows = last.unterminated !== null && (table.header !== null || last.rows.length > 1);
    const swallowed: CsvRow | undefined = swallows ? last.rows[last.rows.length - 1] : undefined;
    appendAll(records, table.take(swallows ? last.rows.slice(0, -1) : last.rows, reader.delimiter));
    if (!table.header) {
      fail(1, 'file is empty');
      return records;
    }
    if (swallowed && last.unterminated !== null) {
      table.reject(swallowed, last.unterminated);
    }
    appendAll(records, table.finish(reader.delimiter));
    return records;
  };

  return {
    push(bytes) {
      tracer.count('decode', bytes.length);
      const text = tracer.span('decode', () => decoder.push(bytes));
      if (decoder.problem || isFatal()) {
        return [];
      }
      const records = tracer.span('parse', () => {
        const out: ParsedRecord[] = [];
        return parseText(text, out) ? out : [];
      });
      tracer.count('parse', records.length);
      return records;
    },
    end() {
      const tail = tracer.span('decode', () => decoder.end());
      if (decoder.problem) {
        fail(1, decoder.problem);
        return [];
      }
      const records = tracer.span('parse', () => parseEnd(tail));
      tracer.count('parse', records.length);
      return records;
    },
    summary() {
      const headerLine = table.header?.line ?? 0;
      const rejected = [...sink.errorLines].filter((line) => line > headerLine).length;
      const { body, counts } = table;
      return {
        format: body.format,
        errors: sink.errors,
        warnings: sink.warnings,
        headers: table.header?.fields ?? [],
        ...(body.mode === 'skip' && body.needsMapping ? { needsMapping: true } : {}),
        fatal: isFatal() || sink.errors.some((e) => e.line <= headerLine),
        stats: {
          rows: counts.rows,
          accepted: counts.accepted,
          rejected,
          duplicatesCollapsed: counts.collapsed,
        },
      };
    },
  };
}
