import { expect, test } from 'vitest';
import { createRecordingTracer, noopTracer } from './ingest-tracer';
import { createUsageFileStream } from './usage-file-stream';

/** A fake clock that advances by 1 on every read: a span's duration is the clock reads it spans. */
function tickingClock() {
  let t = 0;
  return () => {
    t += 1;
    return t;
  };
}

test('the recording tracer sums durations and items per stage, in the order the stages first came', async () => {
  const tracer = createRecordingTracer(tickingClock());
  expect(tracer.span('decode', () => 'text')).toBe('text'); // reads 1 and 2: 1 ms
  tracer.count('decode', 10);
  await tracer.span('copy', async () => undefined); // reads 3 and 4
  expect(tracer.span('decode', () => 7)).toBe(7); // reads 5 and 6
  tracer.count('decode', 5);
  expect(() =>
    tracer.span('parse', () => {
      throw new Error('bad row');
    }),
  ).toThrow('bad row'); // reads 7 and 8: a failing span is still timed
  expect(tracer.stages()).toEqual(['decode', 'copy', 'parse']);
  expect(tracer.record('decode')).toEqual({ spans: 2, items: 15, totalMs: 2, firstStartMs: 1, lastEndMs: 6 });
  expect(tracer.record('copy')).toEqual({ spans: 1, items: 0, totalMs: 1, firstStartMs: 3, lastEndMs: 4 });
  expect(tracer.record('parse')?.spans).toBe(1);
  expect(tracer.record('upsert')).toBeUndefined();
});

test('the no-op tracer runs the work and returns its result', async () => {
  expect(noopTracer.span('compute', () => 42)).toBe(42);
  await expect(noopTracer.span('copy', async () => 'sent')).resolves.toBe('sent');
  expect(noopTracer.count('stage', 3)).toBeUndefined();
});

// Three data rows; line 3 has an end before its start, so two records come out.
const FILE = [
  'record_id,phase,started_at,ended_at,energy_kwh',
  'run-1,training,2025-01-01T00:00:00Z,2025-01-01T10:00:00Z,12.5',
  'run-2,training,2025-01-03T00:00:00Z,2025-01-02T00:00:00Z,3',
  'run-3,inference,2025-01-04T00:00:00Z,2025-01-05T00:00:00Z,4',
  '',
].join('\n');

function parseInChunks(size: number, tracer = noopTracer) {
  const bytes = new TextEncoder().encode(FILE);
  const stream = createUsageFileStream({ fileName: 'f.csv' }, tracer);
  const records = [];
  for (let i = 0; i < bytes.length; i += size) {
    records.push(...stream.push(bytes.subarray(i, i + size)));
  }
  records.push(...stream.end());
  return { bytes: bytes.length, records, summary: stream.summary() };
}

test('the file stream traces decode then parse, with the bytes and records that went through', () => {
  const tracer = createRecordingTracer(tickingClock());
  const size = 64;
  const traced = parseInChunks(size, tracer);
  const chunks = Math.ceil(traced.bytes / size);
  expect(traced.records.map((r) => r.record.recordId)).toEqual(['run-1', 'run-3']);
  expect(traced.summary.errors.map((e) => e.line)).toEqual([3]);
  expect(traced.summary.stats).toEqual({ rows: 3, accepted: 2, rejected: 1, duplicatesCollapsed: 0 });
  expect(tracer.stages()).toEqual(['decode', 'parse']);
  // One decode span per chunk plus the end; a file under 4 KiB is held for sniffing, so parsing happens at
  // the end, but every call still runs a parse span.
  expect(tracer.record('decode')).toMatchObject({ spans: chunks + 1, items: traced.bytes });
  expect(tracer.record('parse')).toMatchObject({ spans: chunks + 1, items: 2 });
});

test('tracing changes nothing in what the stream returns', () => {
  const plain = parseInChunks(17);
  const traced = parseInChunks(17, createRecordingTracer(tickingClock()));
  expect(traced).toEqual(plain);
});
