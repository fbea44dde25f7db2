import { expect, test } from 'vitest';
import { detectDelimiter, readCsvTable, tokenizeCsv } from './csv-table';

test.each([
  ['a,b,c', ','],
  ['a;b;c', ';'],
  ['a\tb\tc', '\t'],
  ['"x;y",b,c', ','],
  ['single', ','],
])('detectDelimiter(%j) = %j', (line, expected) => {
  expect(detectDelimiter(line)).toBe(expected);
});

test('quoted fields: delimiters, doubled quotes and newlines inside; physical start lines', () => {
  const { rows, unterminated } = tokenizeCsv('h1,h2\r\n"a,1","say ""hi""\nthere"\r\nb,2\n\n\nc,3', ',');
  expect(unterminated).toBeNull();
  expect(rows).toEqual([
    { line: 1, fields: ['h1', 'h2'] },
    { line: 2, fields: ['a,1', 'say "hi"\nthere'] },
    { line: 4, fields: ['b', '2'] },
    { line: 7, fields: ['c', '3'] },
  ]);
});

test('lone CR line ends (old Mac exports) count as lines', () => {
  expect(tokenizeCsv('h\rx\ry', ',').rows.map((r) => r.line)).toEqual([1, 2, 3]);
});

test('a quote in the middle of a field is literal; an empty quoted field is a value', () => {
  expect(tokenizeCsv('5" disk,""\n', ',').rows).toEqual([{ line: 1, fields: ['5" disk', ''] }]);
  expect(tokenizeCsv('""\n', ',').rows).toEqual([{ line: 1, fields: [''] }]);
});

test('readCsvTable trims header names, skips leading blank lines and drops a row with an open quote', () => {
  const table = readCsvTable('\n timestamp, index \nx, "open\ny, z');
  expect(table?.header).toEqual({ line: 2, fields: ['timestamp', 'index'] });
  expect(table?.rows).toEqual([]);
  expect(table?.unterminated).toEqual({ rowLine: 3, quoteLine: 3 });
});
