import 'server-only';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type TCopyValue = string | number | boolean | Date | null | undefined | string[];

/**
 * One value as a field of COPY ... FROM STDIN (FORMAT csv): strings always quoted (so "" stays an empty
 * string), NULL an unquoted empty field, text arrays as Postgres array literals inside a quoted field.
 */
export function csvField(value: TCopyValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value); // never contains a delimiter or quote, and is never empty
  }
  let text: string;
  if (value instanceof Date) {
    text = value.toISOString();
  } else if (Array.isArray(value)) {
    text = `{${value.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
  } else {
    text = String(value);
  }
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

/** One row as a line of COPY … (FORMAT csv) input, newline included. */
export function toCopyCsvLine(row: readonly TCopyValue[]): string {
  return `${row.map(csvField).join(',')}\n`;
}

/** Characters per COPY chunk: well below V8's large-object size, so chunks are young-generation garbage. */
const CHUNK_CHARS = 1 << 15;

/**
 * COPY input built line by line as a list of ≤ 32 Ki-character chunks instead of one string: one long string
 * is flattened into V8's large-object space (old generation) when sent, and a batch of those per COPY grew the
 * heap between full collections by hundreds of MB during a 1M-row ingest.
 */
export function createChunkedText(): {
  append(line: string): void;
  readonly length: number;
  take(): string[];
} {
  let chunks: string[] = [];
  let current = '';
  let length = 0;
  return {
    append(line) {
      current += line;
      length += line.length;
      if (current.length >= CHUNK_CHARS) {
        chunks.push(current);
        current = '';
      }
    },
    get length() {
      return length;
    },
    take() {
      const out = current ? [...chunks, current] : chunks;
      chunks = [];
      current = '';
      length = 0;
      return out;
    },
  };
}

/**
 * Streams rows into `table` with COPY (one round trip, far faster than INSERTs for bulk loads). Runs inside
 * whatever transaction `client` has open, so callers get all-or-nothing by running it in withTransaction (sql-runner.ts).
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly TCopyValue[]>,
): Promise<void> {
  const quotedColumns = columns.map((c) => `"${c}"`).join(', ');
  const stream = client.query(copyFrom(`COPY "${table}" (${quotedColumns}) FROM STDIN WITH (FORMAT csv)`));
  function* lines() {
    let batch = '';
    for (const row of rows) {
      batch += toCopyCsvLine(row);
      if (batch.length > 1 << 16) {
        yield batch;
        batch = '';
      }
    }
    if (batch) {
      yield batch;
    }
  }
  await pipeline(Readable.from(lines()), stream);
}
