import { isValidTimeZone } from '@/lib/emissions/time-zone';
import { ZColumnMapping } from '@/lib/schemas/column-mapping';
import type { Delimiter } from './csv-tokenizer';
import { detectFormat } from './detect-format';
import { createGenericRowParser, type GenericRowParser } from './generic-parser';
import { describeControlCharacter, findControlCharacterField, MAX_COLUMNS } from './limits';
import { DEFAULT_NVIDIA_SMI_MAX_GAP_SECONDS } from './nvidia-smi-parser';
import type { CsvRow, IngestFormat, IssueSink, ParseOptions } from './types';
import type { TRecordSchema } from './validate-record';

const ACCEPTED =
  'accepted formats: generic template v1.1 (download it from the Uploads page), CodeCarbon emissions.csv, nvidia-smi --query-gpu CSV; or map the columns';

/**
 * How the data rows under a header are read: `generic` row by row (`parseRow` null when the header's columns
 * are unusable: every row is then rejected), `buffer` whole (CodeCarbon runs, nvidia-smi power samples), or
 * `skip` (the header is unusable: `fatal`).
 */
export type TUsageBody =
  | { mode: 'generic'; format: 'generic'; fatal: boolean; parseRow: GenericRowParser | null }
  | { mode: 'buffer'; format: 'codecarbon' | 'nvidia-smi'; fatal: false }
  | { mode: 'skip'; format: IngestFormat; fatal: boolean; needsMapping?: true };

/** Before the header: nothing is known yet. */
export const NO_BODY: TUsageBody = { mode: 'skip', format: 'unknown', fatal: false };

/**
 * Parse stage 2: the header row (names trimmed) → the file's format and how its rows are read. Problems of the
 * file as a whole (too many columns, control characters, unknown format or time zone, a bad column mapping)
 * go to `sink` on the header's line.
 */
export function openUsageBody(
  header: CsvRow,
  delimiter: Delimiter,
  options: ParseOptions,
  sink: IssueSink,
  schema: TRecordSchema,
): TUsageBody {
  const headers = header.fields;
  const fail = (format: IngestFormat, column: string | null, message: string): TUsageBody => {
    sink.error(header.line, column, message);
    return { mode: 'skip', format, fatal: true };
  };
  if (headers.length > MAX_COLUMNS) {
    return fail(
      'unknown',
      null,
      `the header has ${headers.length.toLocaleString('en-US')} columns; the limit is ${MAX_COLUMNS.toLocaleString('en-US')} (wrong delimiter, or not a usage file?)`,
    );
  }
  const control = findControlCharacterField(headers);
  if (control >= 0) {
    return fail(
      'unknown',
      null,
      `header column ${control + 1} contains a control character (${describeControlCharacter(headers[control] ?? '')}); the file is binary or corrupt`,
    );
  }
  const requested = options.format ?? 'auto';
  const detected = requested === 'auto' ? detectFormat(headers) : requested;
  const format =
    detected === 'codecarbon-task' ? 'codecarbon' : detected === 'ai-usage' ? 'unknown' : detected;
  // Every format reads timestamps without offset in this zone (generic and mapped files too).
  if (!isValidTimeZone(options.timeZone ?? 'UTC')) {
    return fail(
      format,
      null,
      `unknown time zone "${options.timeZone}"; use an IANA name such as Europe/Paris or UTC`,
    );
  }
  if (detected === 'ai-usage') {
    return fail(
      'unknown',
      null,
      'this is an AI-service usage export (tokens by model); uploads do not import these yet',
    );
  }
  if (detected === 'codecarbon-task') {
    return fail(
      format,
      'task_name',
      'this is a CodeCarbon per-task file (emissions_<experiment>_<run>.csv); upload the run totals in emissions.csv instead — importing both would double count',
    );
  }
  if (detected === 'codecarbon' || detected === 'nvidia-smi') {
    const gap = options.nvidiaSmiMaxGapSeconds ?? DEFAULT_NVIDIA_SMI_MAX_GAP_SECONDS;
    if (detected === 'nvidia-smi' && !(Number.isFinite(gap) && gap > 0)) {
      return fail(format, null, `nvidiaSmiMaxGapSeconds must be a positive number of seconds (got ${gap})`);
    }
    return { mode: 'buffer', format: detected, fatal: false };
  }
  if (detected === 'unknown' && !options.mapping) {
    fail(
      format,
      null,
      `unrecognised header (${headers.slice(0, 6).join(', ')}${headers.length > 6 ? ', …' : ''}); ${ACCEPTED}`,
    );
    return { mode: 'skip', format, fatal: true, needsMapping: true };
  }
  let mapping: ParseOptions['mapping'];
  if (options.mapping) {
    const parsed = ZColumnMapping.safeParse(options.mapping);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        sink.error(header.line, String(issue.path[0] ?? '') || null, `column mapping: ${issue.message}`);
      }
      return { mode: 'skip', format: 'generic', fatal: true };
    }
    mapping = parsed.data;
  }
  const parseRow = createGenericRowParser(header, delimiter, mapping, sink, options.onRecordId, schema);
  return { mode: 'generic', format: 'generic', fatal: parseRow === null, parseRow };
}
