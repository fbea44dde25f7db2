import { expect, test } from 'vitest';
import { csvCell, toCsv } from './to-csv';

test('formula-like text is neutralised with a leading quote; numbers stay numbers', () => {
  expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  expect(csvCell('+1')).toBe("'+1");
  expect(csvCell('-2')).toBe("'-2");
  expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  expect(csvCell(-2)).toBe('-2');
  expect(csvCell(null)).toBe('');
  expect(csvCell(Number.NaN)).toBe('');
  expect(csvCell('a,b')).toBe('"a,b"');
});

test('toCsv writes CRLF lines with a header', () => {
  expect(
    toCsv(
      ['a', 'b'],
      [
        [1, 'x'],
        [2, null],
      ],
    ),
  ).toBe('a,b\r\n1,x\r\n2,\r\n');
});
