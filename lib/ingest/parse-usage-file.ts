import { ZColumnMapping } from '@/lib/schemas/column-mapping';
import { parseCodecarbonTable } from './codecarbon-parser';
import { isBlankRow, readCsvTable } from './csv-table';
import { decodeBytes } from './decode-bytes';
import { detectFormat } from './detect-format';
import { parseGenericTable } from './generic-parser';
import { DEFAULT_NVIDIA_SMI_MAX_GAP_SECONDS, parseNvidiaSmiTable } from './nvidia-smi-parser';
import { isValidTimeZone } from './time-zone';
import type { IngestFormat, ParsedRecord, ParseOptions, ParseResult, RowError } from './types';

const ACCEPTED =
  'accepted formats: generic template v1 (docs/CSV_FORMAT.md), CodeCarbon emissions.csv, nvidia-smi --query-gpu CSV; or map the columns';

/**
 * Parses an uploaded usage file into validated canonical records. Pure: no I/O, clock or environment.
 * Invalid rows do not stop the parse: valid records come back together with every error, and the caller
 * decides whether to import all-or-nothing. See docs/CSV_FORMAT.md for formats, units and flags.
 */
export function parseUsageFile(bytes: Uint8Array, options: ParseOptions): ParseResult {
  const { fileName } = options;
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
  let headers: string[] = [];
  let dataLines: number[] = [];
  let collapsed = 0;
  const finish = (
    format: IngestFormat,
    records: ParsedRecord[],
    extra: Partial<ParseResult> = {},
  ): ParseResult => ({
    format,
    records,
    errors,
    warnings,
    headers,
    ...extra,
    stats: {
      rows: dataLines.length,
      accepted: records.length,
      rejected: dataLines.filter((line) => errorLines.has(line)).length,
      duplicatesCollapsed: collapsed,
    },
  });

  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    sink.error(1, null, decoded.message);
    return finish('unknown', []);
  }
  const table = readCsvTable(decoded.text);
  if (!table) {
    sink.error(1, null, 'file is empty');
    return finish('unknown', []);
  }
  headers = table.header.fields;
  dataLines = table.rows.filter((r) => !isBlankRow(r)).map((r) => r.line);
  if (table.unterminated !== null) {
    const { rowLine, quoteLine } = table.unterminated;
    dataLines.push(rowLine);
    sink.error(
      rowLine,
      null,
      `a quoted value opened on line ${quoteLine} is never closed, so the rest of the file was swallowed into this row; add the closing " or remove the stray quote`,
    );
  }

  const requested = options.format ?? 'auto';
  const detected = requested === 'auto' ? detectFormat(headers) : requested;
  const timeZone = options.timeZone ?? 'UTC';
  const needsZone = detected === 'codecarbon' || detected === 'nvidia-smi';
  if (needsZone && !isValidTimeZone(timeZone)) {
    sink.error(
      table.header.line,
      null,
      `unknown time zone "${timeZone}"; use an IANA name such as Europe/Paris or UTC`,
    );
    return finish(detected, []);
  }
  const defaults = options.defaults ?? {};

  switch (detected) {
    case 'codecarbon': {
      const out = parseCodecarbonTable(table, { timeZone, defaults }, sink);
      collapsed = out.collapsed;
      return finish('codecarbon', out.records);
    }
    case 'codecarbon-task':
      sink.error(
        table.header.line,
        'task_name',
        'this is a CodeCarbon per-task file (emissions_<experiment>_<run>.csv); upload the run totals in emissions.csv instead — importing both would double count',
      );
      return finish('codecarbon', []);
    case 'nvidia-smi': {
      const maxGapSeconds = options.nvidiaSmiMaxGapSeconds ?? DEFAULT_NVIDIA_SMI_MAX_GAP_SECONDS;
      if (!(Number.isFinite(maxGapSeconds) && maxGapSeconds > 0)) {
        sink.error(
          table.header.line,
          null,
          `nvidiaSmiMaxGapSeconds must be a positive number of seconds (got ${maxGapSeconds})`,
        );
        return finish('nvidia-smi', []);
      }
      return finish('nvidia-smi', parseNvidiaSmiTable(table, { timeZone, defaults, maxGapSeconds }, sink));
    }
    default:
      break;
  }
  if (detected === 'unknown' && !options.mapping) {
    sink.error(
      table.header.line,
      null,
      `unrecognised header (${headers.slice(0, 6).join(', ')}${headers.length > 6 ? ', …' : ''}); ${ACCEPTED}`,
    );
    return finish('unknown', [], { needsMapping: true });
  }
  let mapping: ParseOptions['mapping'];
  if (options.mapping) {
    const parsed = ZColumnMapping.safeParse(options.mapping);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        sink.error(
          table.header.line,
          String(issue.path[0] ?? '') || null,
          `column mapping: ${issue.message}`,
        );
      }
      return finish('generic', []);
    }
    mapping = parsed.data;
  }
  return finish('generic', parseGenericTable(table, mapping, sink));
}
