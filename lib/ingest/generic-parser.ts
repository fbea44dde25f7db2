import { type TColumnMapping, type TUsageRecordField, UNIT_FACTORS } from '@/lib/schemas/column-mapping';
import { USAGE_RECORD_CSV_COLUMNS } from '@/lib/schemas/usage-record';
import { isBlankRow } from './csv-table';
import type { Delimiter } from './csv-tokenizer';
import { parseNumberCell } from './parse-number';
import type { CsvRow, IssueSink, ParsedRecord } from './types';
import { type TRecordSchema, validateRecord } from './validate-record';

const NUMERIC_FIELDS = new Set<TUsageRecordField>([
  'instanceCount',
  'instanceHours',
  'acceleratorCount',
  'acceleratorHours',
  'acceleratorPowerW',
  'utilization',
  'energyKwh',
  'requests',
  'tokens',
  'energyPerRequestWh',
  'pue',
  'carbonIntensityGPerKwh',
  'wueLPerKwh',
  'cost',
]);
const ENUM_FIELDS = new Set<TUsageRecordField>(['phase', 'provider']);
const REQUIRED: TUsageRecordField[] = ['phase', 'startedAt', 'endedAt'];
const SNAKE_OF = Object.fromEntries(
  Object.entries(USAGE_RECORD_CSV_COLUMNS).map(([snake, key]) => [key, snake]),
) as Record<TUsageRecordField, string>;
const TEMPLATE = USAGE_RECORD_CSV_COLUMNS as Record<string, TUsageRecordField>;

interface ResolvedColumn {
  index: number;
  header: string;
  field: TUsageRecordField;
  /** Multiplier to the canonical unit (1 when no unit given). */
  factor: number;
}

/** Applies a unit factor without binary noise for the common ×1000 / ÷1000 cases (1234.5 Wh → 1.2345 kWh). */
function convert(value: number, factor: number): number {
  return factor >= 1 ? value * factor : value / Math.round(1 / factor);
}

/**
 * Resolves headers to record fields: `mapping[header]` first, then the template's snake_case name.
 * Template mode (no mapping): unknown columns are errors, since a misspelt `energy_kwh` would silently
 * drop data. Mapping mode: unmapped columns are ignored with one warning.
 */
function resolveColumns(
  headers: string[],
  headerLine: number,
  mapping: TColumnMapping | undefined,
  sink: IssueSink,
): ResolvedColumn[] | null {
  const columns: ResolvedColumn[] = [];
  const unknown: string[] = [];
  const byField = new Map<TUsageRecordField, string>();
  headers.forEach((header, index) => {
    const target = mapping?.[header];
    const field = target?.field ?? (Object.hasOwn(TEMPLATE, header) ? TEMPLATE[header] : undefined);
    if (!field) {
      unknown.push(header);
      return;
    }
    const previous = byField.get(field);
    if (previous !== undefined) {
      sink.error(
        headerLine,
        header,
        `columns "${previous}" and "${header}" both give ${SNAKE_OF[field]}; keep one`,
      );
      return;
    }
    byField.set(field, header);
    const factor = target?.unit ? (UNIT_FACTORS[field]?.[target.unit] ?? 1) : 1;
    columns.push({ index, header, field, factor });
  });
  if (mapping && unknown.length > 0) {
    sink.warn(headerLine, null, `columns not mapped, ignored: ${unknown.map((h) => `"${h}"`).join(', ')}`);
  } else {
    for (const header of unknown) {
      sink.error(
        headerLine,
        header || null,
        header === ''
          ? 'a column has no name: remove the trailing delimiter or empty column from the header'
          : `unknown column "${header}": not part of the generic template v1.1; fix the spelling or remove the column (the template on the Uploads page lists every column)`,
      );
    }
  }
  const missing = REQUIRED.filter((field) => !byField.has(field));
  for (const field of missing) {
    sink.error(headerLine, SNAKE_OF[field], `required column ${SNAKE_OF[field]} is missing from the header`);
  }
  return missing.length > 0 ? null : columns;
}

/** The error of a row whose record_id an earlier line of the same file already used. */
export function duplicateRecordIdMessage(recordId: string, firstLine: number): string {
  return `record_id "${recordId}" is already used on line ${firstLine}; record ids must be unique within a file`;
}

/** Parses one data row; returns the record, or null when the row is blank or invalid (errors go to the sink). */
export type GenericRowParser = (row: CsvRow) => ParsedRecord | null;

/**
 * A row parser for generic template v1 (or mapped) rows under `header`, or null when the header itself is
 * unusable (the errors are in the sink). Keeps the record ids seen so far, so duplicates across chunks are found,
 * unless `onRecordId` is given: then ids are handed to the caller, which checks them (`ParseOptions.onRecordId`).
 */
export function createGenericRowParser(
  header: CsvRow,
  delimiter: Delimiter,
  mapping: TColumnMapping | undefined,
  sink: IssueSink,
  onRecordId?: (recordId: string, line: number, column: string | null) => void,
  schema?: TRecordSchema,
): GenericRowParser | null {
  const headers = header.fields;
  const columns = resolveColumns(headers, header.line, mapping, sink);
  if (!columns) {
    return null;
  }
  const headerOf = new Map(columns.map((c) => [c.field as string, c.header]));
  const columnFor = (field: string) => headerOf.get(field) ?? SNAKE_OF[field as TUsageRecordField] ?? null;
  const recordIdLines = new Map<string, number>();
  return (row) => {
    if (isBlankRow(row)) {
      return null;
    }
    if (row.fields.length !== headers.length) {
      sink.error(
        row.line,
        null,
        `row has ${row.fields.length} fields but the header has ${headers.length}; quote values that contain "${delimiter === '\t' ? '\\t' : delimiter}" and check for missing or extra delimiters`,
      );
      return null;
    }
    const input: Record<string, unknown> = {};
    let cellErrors = false;
    for (const col of columns) {
      const cell = (row.fields[col.index] ?? '').trim();
      if (cell === '') {
        continue; // empty cell = absent, never 0
      }
      if (NUMERIC_FIELDS.has(col.field)) {
        const n = parseNumberCell(cell);
        if (n.kind === 'invalid') {
          sink.error(row.line, col.header, `${col.header}: ${n.message}`);
          cellErrors = true;
        } else if (n.kind === 'number') {
          input[col.field] = convert(n.value, col.factor);
        }
      } else {
        input[col.field] = ENUM_FIELDS.has(col.field) ? cell.toLowerCase() : cell;
      }
    }
    const recordId = typeof input.recordId === 'string' ? input.recordId : undefined;
    let duplicate = false;
    if (recordId !== undefined && onRecordId) {
      onRecordId(recordId, row.line, columnFor('recordId'));
    } else if (recordId !== undefined) {
      const first = recordIdLines.get(recordId);
      if (first !== undefined) {
        sink.error(row.line, columnFor('recordId'), duplicateRecordIdMessage(recordId, first));
        duplicate = true;
      } else {
        recordIdLines.set(recordId, row.line);
      }
    }
    const record = validateRecord(input, row.line, columnFor, sink, schema);
    return record && !cellErrors && !duplicate ? { line: row.line, record, flags: [] } : null;
  };
}
