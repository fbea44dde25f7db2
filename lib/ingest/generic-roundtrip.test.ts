import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  PHASES,
  PROVIDERS,
  type TUsageRecordInput,
  USAGE_RECORD_CSV_COLUMNS,
} from '@/lib/schemas/usage-record';
import { parseUsageFile } from './parse-usage-file';

// Text with the characters that stress CSV quoting: delimiters, quotes, newlines, non-ASCII.
const text = (max: number) =>
  fc
    .string({
      unit: fc.constantFrom('a', 'Z', '7', ' ', ',', ';', '\t', '"', '\n', 'é', '–'),
      minLength: 1,
      maxLength: max,
    })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
const num = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v));
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) });

const recordArb = fc
  .tuple(
    instant,
    fc.integer({ min: 0, max: 90 * 86_400_000 }),
    fc.record(
      {
        recordId: text(20),
        phase: fc.constantFrom(...PHASES),
        team: text(15),
        project: text(15),
        model: text(15),
        provider: fc.constantFrom(...PROVIDERS),
        region: text(10),
        accelerator: text(15),
        acceleratorCount: fc.integer({ min: 1, max: 1_000_000 }),
        acceleratorHours: num(0, 1e9),
        acceleratorPowerW: num(0, 100_000),
        utilization: num(0, 1),
        energyKwh: num(0, 1e10),
        requests: num(0, 1e13),
        tokens: num(0, 1e15),
        energyPerRequestWh: num(0, 1e3),
        pue: num(1, 5),
        carbonIntensityGPerKwh: num(0, 5000),
        wueLPerKwh: num(0, 50),
        cost: num(0, 1e9),
        notes: text(60),
      },
      { requiredKeys: ['phase'] },
    ),
  )
  .map(([start, duration, rest]) => ({
    ...rest,
    startedAt: new Date(start),
    endedAt: new Date(start + duration),
  }));

function cell(value: unknown, delimiter: string): string {
  if (value === undefined) {
    return '';
  }
  const s = value instanceof Date ? value.toISOString() : String(value);
  return /["\n\r,;\t]/.test(s) || s.includes(delimiter) ? `"${s.replaceAll('"', '""')}"` : s;
}

test('generic rows → CSV (any delimiter, LF/CRLF, optional BOM) → parsed back equal', () => {
  fc.assert(
    fc.property(
      fc.array(recordArb, { minLength: 1, maxLength: 8 }),
      fc.constantFrom(',', ';', '\t'),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
      (generated, delimiter, eol, bom) => {
        // record_id must be unique within a file.
        const records = generated.map((r, i) =>
          r.recordId === undefined ? r : { ...r, recordId: `${r.recordId}#${i}` },
        );
        const columns = Object.entries(USAGE_RECORD_CSV_COLUMNS);
        const lines = [
          columns.map(([snake]) => snake).join(delimiter),
          ...records.map((r) =>
            columns.map(([, key]) => cell((r as Record<string, unknown>)[key], delimiter)).join(delimiter),
          ),
        ];
        const body = new TextEncoder().encode(lines.join(eol) + eol);
        const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
        const result = parseUsageFile(bytes, { fileName: 'p.csv' });
        expect(result.errors).toEqual([]);
        expect(result.records.map((r) => r.record)).toEqual(records as TUsageRecordInput[]);
      },
    ),
    { numRuns: 200 },
  );
});
