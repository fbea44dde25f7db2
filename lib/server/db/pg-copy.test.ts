import { expect, test } from 'vitest';
import { toCopyCsvLine } from './pg-copy';

test('COPY csv lines: NULL is an empty field, strings are always quoted (so "" stays an empty string)', () => {
  expect(toCopyCsvLine([null, undefined, '', 'a', 0, 1.5, true])).toBe(',,"","a",0,1.5,true\n');
});

test('COPY csv lines: quotes are doubled, delimiters and newlines stay inside the quotes', () => {
  expect(toCopyCsvLine(['say "hi"', 'a,b', 'line\nbreak'])).toBe('"say ""hi""","a,b","line\nbreak"\n');
});

test('COPY csv lines: dates as ISO instants, text arrays as Postgres array literals', () => {
  expect(toCopyCsvLine([new Date('2026-11-30T01:02:03.004Z'), ['A', 'B "x"', 'c\\d']])).toBe(
    '"2026-11-30T01:02:03.004Z","{""A"",""B \\""x\\"""",""c\\\\d""}"\n',
  );
  expect(toCopyCsvLine([[]])).toBe('"{}"\n');
});
