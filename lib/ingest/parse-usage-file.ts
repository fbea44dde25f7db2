import type { ParseOptions, ParseResult } from './types';
import { createUsageFileStream } from './usage-file-stream';

/**
 * Parses an uploaded usage file into validated canonical records. Pure: no I/O, clock or environment.
 * Invalid rows do not stop the parse: valid records come back together with every error, and the caller
 * decides whether to import all-or-nothing. See docs/CSV_FORMAT.md for formats, units and flags.
 * Large files: use `createUsageFileStream` (same rules, chunk by chunk).
 */
export function parseUsageFile(bytes: Uint8Array, options: ParseOptions): ParseResult {
  const stream = createUsageFileStream(options);
  const records = [...stream.push(bytes), ...stream.end()];
  const { fatal: _fatal, ...summary } = stream.summary();
  return { ...summary, records };
}
