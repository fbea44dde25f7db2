import { expect, test } from 'vitest';
import { csvRows, numberOrNull } from './csv-rows';

test('a quoted comma stays inside its cell', () => {
  const text = 'name,note,value\nA100,"SXM4, 80 GB",400\n';
  expect(csvRows(text)).toEqual([{ name: 'A100', note: 'SXM4, 80 GB', value: '400' }]);
});

test('a leading BOM is dropped, so the first header name is clean', () => {
  expect(csvRows('\uFEFFiso3,iso2\nFRA,FR\n')).toEqual([{ iso3: 'FRA', iso2: 'FR' }]);
});

test('blank and whitespace-only lines are skipped; a row of empty cells is kept', () => {
  const text = 'a,b\n\n1,2\n   \r\n\r\n3,4\n,\n';
  expect(csvRows(text)).toEqual([
    { a: '1', b: '2' },
    { a: '3', b: '4' },
    { a: '', b: '' },
  ]);
});

test('header names and cells are trimmed; quoted "" is a literal quote; CRLF line ends', () => {
  const text = ' zone , year \r\n FR , 2024 \r\n"say ""hi""",2025\r\n';
  expect(csvRows(text)).toEqual([
    { zone: 'FR', year: '2024' },
    { zone: 'say "hi"', year: '2025' },
  ]);
});

test('relaxed column count: a short row lacks the missing keys, cells past the header are dropped', () => {
  expect(csvRows('a,b,c\n1,2\n4,5,6,7\n')).toEqual([
    { a: '1', b: '2' },
    { a: '4', b: '5', c: '6' },
  ]);
});

test('fromLine: the header is the first row on or after that physical line', () => {
  const text = 'Source: Ember 2025\nlicence CC-BY\nname,value\nfoo,1\n';
  expect(csvRows(text, { fromLine: 3 })).toEqual([{ name: 'foo', value: '1' }]);
});

test('a text without rows gives no records; a quote never closed throws', () => {
  expect(csvRows('')).toEqual([]);
  expect(csvRows('a,b\n')).toEqual([]);
  expect(() => csvRows('a,b\n1,"open\n2,3\n')).toThrow('line 2');
});

test('numberOrNull: numbers parse, empty and non-numeric cells are null', () => {
  expect(numberOrNull('0.42')).toBe(0.42);
  expect(numberOrNull(' ')).toBeNull();
  expect(numberOrNull(undefined)).toBeNull();
  expect(numberOrNull('n/a')).toBeNull();
});
