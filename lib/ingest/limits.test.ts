import { describe, expect, test } from 'vitest';
import { createCsvTokenizer } from './csv-tokenizer';
import { CsvRowTooLongError, describeControlCharacter, findControlCharacterField } from './limits';
import { parseUsageFile } from './parse-usage-file';
import { GENERIC_EXAMPLE_CSV } from './templates';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parser limits and quirks', () => {
  test('the tokenizer stops a row at the limit even when it arrives in many chunks', () => {
    const tokenizer = createCsvTokenizer(',', 100);
    expect(tokenizer.push('a,b\nccc')).toEqual([{ line: 1, fields: ['a', 'b'] }]);
    expect(() => {
      for (let i = 0; i < 20; i++) {
        tokenizer.push('dddddddd');
      }
    }).toThrow(CsvRowTooLongError);
  });

  test('a row exactly at the limit passes', () => {
    const tokenizer = createCsvTokenizer(',', 10);
    expect(tokenizer.push('0123456789\n')).toEqual([{ line: 1, fields: ['0123456789'] }]);
  });

  test('control characters are found and named', () => {
    expect(findControlCharacterField(['ok', 'tab\tok', 'nul\u0000'])).toBe(2);
    expect(findControlCharacterField(['a', 'b'])).toBe(-1);
    expect(describeControlCharacter('x\u0000')).toBe('U+0000 NUL');
    expect(describeControlCharacter('x\u001b')).toBe('U+001B');
  });

  test("Excel's sep= line sets the delimiter and keeps physical line numbers", () => {
    const semicolons = GENERIC_EXAMPLE_CSV.split('\n')
      .slice(0, 3)
      .map((l) => l.replaceAll(',', ';'))
      .join('\r\n');
    const result = parseUsageFile(bytes(`sep=;\r\n${semicolons}\r\n`), { fileName: 'x.csv' });
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => r.line)).toEqual([3, 4]);
  });
});
