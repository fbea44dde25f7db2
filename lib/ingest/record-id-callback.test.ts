import { expect, test } from 'vitest';
import { createUsageFileStream } from './usage-file-stream';

const text =
  'record_id,phase,started_at,ended_at,energy_kwh\na,training,2025-03-01,2025-03-02,1\na,training,2025-02-31,2025-03-02,2\nb,training,2025-03-01,2025-03-02,3\n';

test('with onRecordId, every row id (valid or not) goes to the caller and no duplicate is flagged in memory', () => {
  const seen: [string, number, string | null][] = [];
  const stream = createUsageFileStream({
    fileName: 'f.csv',
    onRecordId: (id, line, column) => seen.push([id, line, column]),
  });
  const records = [...stream.push(new TextEncoder().encode(text)), ...stream.end()];
  expect(seen).toEqual([
    ['a', 2, 'record_id'],
    ['a', 3, 'record_id'],
    ['b', 4, 'record_id'],
  ]);
  expect(records.map((r) => r.line)).toEqual([2, 4]);
  expect(stream.summary().errors.map((e) => [e.line, e.column])).toEqual([[3, 'started_at']]);
});

test('without it (preview, CLI), the parser still reports the reused id itself', () => {
  const stream = createUsageFileStream({ fileName: 'f.csv' });
  stream.push(new TextEncoder().encode(text));
  stream.end();
  expect(stream.summary().errors.map((e) => [e.line, e.column])).toEqual([
    [3, 'record_id'],
    [3, 'started_at'],
  ]);
});
