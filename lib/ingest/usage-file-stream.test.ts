import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseUsageFile } from './parse-usage-file';
import { GENERIC_EXAMPLE_CSV } from './templates';
import type { ParseOptions } from './types';
import { createUsageFileStream } from './usage-file-stream';

const files = path.resolve(import.meta.dirname, '../../e2e/files');
const load = (name: string) => new Uint8Array(readFileSync(path.join(files, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Feeds `bytes` in chunks of `size` bytes and returns what the whole-file parser returns. */
function parseInChunks(bytes: Uint8Array, size: number, options: ParseOptions) {
  const stream = createUsageFileStream(options);
  const records = [];
  for (let i = 0; i < bytes.length; i += size) {
    records.push(...stream.push(bytes.subarray(i, i + size)));
  }
  records.push(...stream.end());
  const { fatal: _fatal, ...summary } = stream.summary();
  return { ...summary, records };
}

const cases: [string, Uint8Array, ParseOptions][] = [
  ['generic example', utf8(GENERIC_EXAMPLE_CSV), { fileName: 'example.csv' }],
  ['semicolon + decimal comma', load('generic/semicolon-decimal-comma.csv'), { fileName: 's.csv' }],
  ['bad date', load('generic/bad-date.csv'), { fileName: 'b.csv' }],
  ['utf-16', load('generic/utf16.csv'), { fileName: 'u.csv' }],
  ['codecarbon', load('codecarbon/examples_emissions.csv'), { fileName: 'e.csv', timeZone: 'Europe/Paris' }],
  ['nvidia-smi', load('nvidia-smi/v100-gap.csv'), { fileName: 'n.csv', defaults: { phase: 'training' } }],
  [
    'quoted newline, CRLF, multi-byte text, unterminated quote',
    utf8(
      'phase,started_at,ended_at,energy_kwh,notes\r\ntraining,2025-01-01,2025-01-02,1,"Zürich\r\n€ line"\r\ntraining,2025-01-02,2025-01-03,2,"open\r\n',
    ),
    { fileName: 'q.csv' },
  ],
];

test.each(cases)('%s: any chunk size gives the whole-file result', (_name, bytes, options) => {
  const whole = parseUsageFile(bytes, options);
  for (const size of [1, 2, 3, 7, 64, 4096]) {
    expect(parseInChunks(bytes, size, options)).toEqual(whole);
  }
});

test('generic rows come out while the file is read (after the first 4 KiB), with their physical lines', () => {
  const rows = Array.from(
    { length: 300 },
    (_, i) => `training,2025-01-01,2025-01-02,${i === 150 ? 'x' : i + 1}`,
  );
  const bytes = utf8(`phase,started_at,ended_at,energy_kwh\n\n${rows.join('\n')}\n`);
  const stream = createUsageFileStream({ fileName: 'g.csv' });
  const early = stream.push(bytes.subarray(0, 6000));
  expect(early.length).toBeGreaterThan(100);
  expect(early[0]?.line).toBe(3);
  const rest = [...stream.push(bytes.subarray(6000)), ...stream.end()];
  expect(early.length + rest.length).toBe(299);
  expect(rest.at(-1)?.line).toBe(302);
  expect(stream.summary()).toMatchObject({
    fatal: false,
    stats: { rows: 300, accepted: 299, rejected: 1 },
    errors: [expect.objectContaining({ line: 153, column: 'energy_kwh' })],
  });
});

test('an unusable file is fatal: the whole file, not a row, is wrong', () => {
  const stream = createUsageFileStream({ fileName: 'x.csv' });
  stream.push(utf8('foo,bar\n1,2\n'));
  stream.end();
  expect(stream.summary()).toMatchObject({ fatal: true, needsMapping: true, stats: { rows: 1 } });
});
