import { expect, test } from 'vitest';
import { parseNumberCell } from './parse-number';

test.each([
  ['1234.5', 1234.5],
  [' 42 ', 42],
  ['-3', -3],
  ['.5', 0.5],
  ['3.435810400385386e-05', 3.435810400385386e-5],
  ['1E3', 1000],
])('%j is the number %d', (text, value) => {
  expect(parseNumberCell(text)).toEqual({ kind: 'number', value });
});

test('an empty cell is absent, not zero', () => {
  expect(parseNumberCell('  ')).toEqual({ kind: 'empty' });
});

test.each([
  ['1,234.5', /thousands separator/],
  ['1 234', /thousands separator/],
  ["1'234'567", /thousands separator/],
  ['12,5', /decimal comma.*12\.5/],
  ['abc', /not a number/],
  ['1e999', /too large/],
  ['0x10', /not a number/],
])('%j is rejected (%s)', (text, message) => {
  const cell = parseNumberCell(text);
  expect(cell.kind).toBe('invalid');
  expect(cell.kind === 'invalid' ? cell.message : '').toMatch(message);
});
