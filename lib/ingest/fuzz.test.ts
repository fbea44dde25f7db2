import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseUsageFile } from './parse-usage-file';
import { GENERIC_TEMPLATE_CSV } from './templates';
import type { ParseResult } from './types';
import { createUsageFileStream } from './usage-file-stream';

// Property-based tests of the upload parser (docs/RELIABILITY.md): arbitrary bytes never throw, every problem
// is a located error, chunk boundaries never change the result, and row order never changes the records.

const HEADER = GENERIC_TEMPLATE_CSV.trimEnd();
const ENCODER = new TextEncoder();

// Characters that matter to a CSV parser, plus control, non-ASCII and formula characters.
const csvChar = fc.constantFrom(
  ',',
  ';',
  '\t',
  '"',
  '\n',
  '\r',
  ' ',
  'a',
  'Z',
  '1',
  '.',
  '-',
  '=',
  '\u0000',
  'é',
  '\uFEFF',
  '😀',
);
const csvText = fc.array(csvChar, { maxLength: 400 }).map((chars) => chars.join(''));
const withHeader = fc.oneof(
  csvText,
  csvText.map((body) => `${HEADER}\n${body}`),
);

function expectWellFormed(result: ParseResult, fileName: string) {
  for (const e of [...result.errors, ...result.warnings]) {
    expect(e.fileName).toBe(fileName);
    expect(Number.isInteger(e.line) && e.line >= 1).toBe(true);
    expect(typeof e.message === 'string' && e.message.length > 0).toBe(true);
  }
  expect(result.stats.accepted).toBe(result.records.length);
  if (result.records.length === 0 && result.stats.rows === 0) {
    expect(
      result.errors.length + result.warnings.length + (result.headers.length > 0 ? 1 : 0),
    ).toBeGreaterThan(0);
  }
}

function parseInChunks(bytes: Uint8Array, cuts: number[]) {
  const stream = createUsageFileStream({ fileName: 'f.csv' });
  const records = [];
  let start = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    records.push(...stream.push(bytes.subarray(start, cut)));
    start = cut;
  }
  records.push(...stream.push(bytes.subarray(start)), ...stream.end());
  const { fatal: _fatal, ...summary } = stream.summary();
  return { ...summary, records };
}

const validRow = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    hours: fc.integer({ min: 1, max: 1000 }),
    energy: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
    phase: fc.constantFrom('training', 'inference', 'evaluation'),
  })
  .map((r) => ({
    phase: r.phase,
    started_at: `2025-05-${String(r.day).padStart(2, '0')}`,
    ended_at: `2025-06-${String(r.day).padStart(2, '0')}`,
    accelerator_hours: String(r.hours),
    energy_kwh: r.energy === undefined ? '' : String(r.energy),
  }));

function templateRow(values: Record<string, string>): string {
  return HEADER.split(',')
    .map((c) => values[c] ?? '')
    .join(',');
}

describe('upload parser properties', () => {
  test('arbitrary bytes: no exception, only located errors', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        expectWellFormed(parseUsageFile(bytes, { fileName: 'bytes.csv' }), 'bytes.csv');
      }),
      { numRuns: 300 },
    );
  });

  test('arbitrary CSV-like text, with or without the template header: no exception', () => {
    fc.assert(
      fc.property(withHeader, (text) => {
        expectWellFormed(parseUsageFile(ENCODER.encode(text), { fileName: 't.csv' }), 't.csv');
      }),
      { numRuns: 500 },
    );
  });

  test('chunk boundaries never change the result', () => {
    fc.assert(
      fc.property(withHeader, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const bytes = ENCODER.encode(text);
        expect(parseInChunks(bytes, cuts)).toEqual(parseUsageFile(bytes, { fileName: 'f.csv' }));
      }),
      { numRuns: 300 },
    );
  });

  test('row order never changes the set of records', () => {
    fc.assert(
      fc.property(
        fc
          .array(validRow, { minLength: 1, maxLength: 25 })
          .chain((rows) =>
            fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
          ),
        ([rows, shuffled]) => {
          const parse = (list: typeof rows) => {
            const text = `${HEADER}\n${list.map(templateRow).join('\n')}\n`;
            const result = parseUsageFile(ENCODER.encode(text), { fileName: 'o.csv' });
            expect(result.errors).toEqual([]);
            return result.records.map((r) => JSON.stringify(r.record)).sort();
          };
          expect(parse(shuffled)).toEqual(parse(rows));
        },
      ),
      { numRuns: 100 },
    );
  });
});
