import { expect, test } from 'vitest';
import { decodeBytes } from './decode-bytes';
import { parseUsageFile } from './parse-usage-file';

const utf16le = (text: string, bom: boolean) => {
  const out = bom ? [0xff, 0xfe] : [];
  for (const ch of text) {
    out.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
  }
  return new Uint8Array(out);
};

test('UTF-8 with and without BOM decode to the same text', () => {
  const plain = new TextEncoder().encode('a,b\n1,2\n');
  expect(decodeBytes(plain)).toEqual({ ok: true, text: 'a,b\n1,2\n' });
  expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ ok: true, text: 'a,b\n1,2\n' });
});

test('non-ASCII UTF-8 is kept (CodeCarbon writes île-de-france)', () => {
  expect(decodeBytes(new TextEncoder().encode('region\nîle-de-france\n'))).toEqual({
    ok: true,
    text: 'region\nîle-de-france\n',
  });
});

test('UTF-16 with BOM (LE and BE) and without BOM are refused', () => {
  expect(decodeBytes(utf16le('phase,started_at\n', true))).toEqual({
    ok: false,
    message: expect.stringMatching(/^file is UTF-16 \(byte-order mark/),
  });
  expect(decodeBytes(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toMatchObject({
    ok: false,
    message: expect.stringMatching(/UTF-16/),
  });
  expect(decodeBytes(utf16le('phase,started_at,ended_at\n', false))).toEqual({
    ok: false,
    message: expect.stringMatching(/^file is UTF-16 \(no byte-order mark\)/),
  });
});

test('binary, xlsx and Latin-1 content are refused with advice', () => {
  expect(
    decodeBytes(new Uint8Array([1, 2, 3, 0, 200, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21])),
  ).toMatchObject({
    ok: false,
    message: expect.stringMatching(/binary/),
  });
  expect(decodeBytes(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0]))).toMatchObject({
    ok: false,
    message: expect.stringMatching(/Excel/),
  });
  expect(decodeBytes(new Uint8Array([0x72, 0xe9, 0x67, 0x69, 0x6f, 0x6e]))).toMatchObject({
    ok: false,
    message: expect.stringMatching(/not valid UTF-8/),
  });
  expect(decodeBytes(new Uint8Array([0x61, 0x1b, 0x62]))).toMatchObject({
    ok: false,
    message: expect.stringMatching(/control characters/),
  });
});

test('empty and whitespace-only files are refused', () => {
  expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, message: 'file is empty' });
  expect(decodeBytes(new TextEncoder().encode(' \n\r\n'))).toEqual({ ok: false, message: 'file is empty' });
});

test('parseUsageFile turns a decoding failure into exactly one error and no records', () => {
  const result = parseUsageFile(utf16le('phase\n', true), { fileName: 'f.csv' });
  expect(result).toMatchObject({ format: 'unknown', records: [], headers: [] });
  expect(result.errors).toEqual([
    {
      fileName: 'f.csv',
      line: 1,
      column: null,
      message: expect.stringMatching(/save or export it as "CSV UTF-8"/),
    },
  ]);
});
