import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseUsageFile } from './parse-usage-file';
import type { ParseOptions } from './types';

const dir = path.resolve(import.meta.dirname, '../../e2e/files/generic');
const load = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const enc = (text: string) => new TextEncoder().encode(text);
const parse = (text: string, extra: Partial<ParseOptions> = {}) =>
  parseUsageFile(enc(text), { fileName: 'u.csv', ...extra });
const HEAD = 'record_id,phase,started_at,ended_at,energy_kwh';

describe('malformed generic files (e2e/files/generic)', () => {
  test('bad-date.csv: impossible date is an error on its line and column; valid row kept', () => {
    const result = parseUsageFile(load('bad-date.csv'), { fileName: 'bad-date.csv' });
    expect(result.format).toBe('generic');
    expect(result.records.map((r) => r.record.recordId)).toEqual(['ok-1']);
    expect(result.errors).toEqual([
      {
        fileName: 'bad-date.csv',
        line: 3,
        column: 'started_at',
        message: expect.stringMatching(/^started_at: "2025-02-31" is not an ISO 8601 date/),
      },
    ]);
    expect(result.stats).toEqual({ rows: 2, accepted: 1, rejected: 1, duplicatesCollapsed: 0 });
  });

  test('negative-number.csv: negative energy says the minimum', () => {
    const result = parseUsageFile(load('negative-number.csv'), { fileName: 'n.csv' });
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.record).toMatchObject({
      energyKwh: 4.25,
      acceleratorCount: 2,
      phase: 'inference',
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'energy_kwh',
        message: 'energy_kwh: must be within 0 – 10,000,000,000 kWh (got -5)',
      }),
    ]);
  });

  test('unknown-column.csv: each unknown column is named', () => {
    const result = parseUsageFile(load('unknown-column.csv'), { fileName: 'x.csv' });
    expect(result.format).toBe('generic');
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [1, 'energy_kwhh'],
      [1, 'gpu_type'],
    ]);
    expect(result.errors[0]?.message).toMatch(/unknown column "energy_kwhh"/);
  });

  test('semicolon-decimal-comma.csv: delimiter detected, decimal comma rejected with advice', () => {
    const result = parseUsageFile(load('semicolon-decimal-comma.csv'), { fileName: 's.csv' });
    expect(result.records.map((r) => r.record.energyKwh)).toEqual([1.5]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'energy_kwh',
        message: expect.stringMatching(/decimal comma.*\(e\.g\. 1\.5\)/),
      }),
    ]);
  });

  test('utf16.csv: one clear error, no records', () => {
    const result = parseUsageFile(load('utf16.csv'), { fileName: 'utf16.csv' });
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([
      {
        fileName: 'utf16.csv',
        line: 1,
        column: null,
        message: expect.stringMatching(/^file is UTF-16.*UTF-8/),
      },
    ]);
  });
});

describe('generic rows', () => {
  test('empty cells are absent; enum values are case-insensitive; CRLF accepted', () => {
    const result = parse(`${HEAD},provider,tokens\r\nr1,Training,2025-03-01,2025-03-02,,AWS,\r\n`);
    expect(result.errors).toEqual([]);
    expect(result.records[0]?.record).toEqual({
      recordId: 'r1',
      phase: 'training',
      provider: 'aws',
      startedAt: new Date('2025-03-01T00:00:00Z'),
      endedAt: new Date('2025-03-02T00:00:00Z'),
    });
  });

  test('thousands separators are rejected with a message saying so', () => {
    const result = parse(`${HEAD},tokens\nr1,inference,2025-03-01,2025-03-02,1,"1,234,567"\n`);
    expect(result.errors[0]).toMatchObject({
      column: 'tokens',
      message: expect.stringMatching(/thousands separator/),
    });
  });

  test('every Zod issue becomes an error with the CSV column', () => {
    const result = parse(
      `${HEAD},accelerator_count,utilization,provider\nr1,pretraining,2025-03-02,2025-03-01,1,2.5,1.5,moon\n`,
    );
    expect(result.errors.map((e) => e.column).sort()).toEqual([
      'accelerator_count',
      'phase',
      'provider',
      'utilization',
    ]);
    expect(result.errors.find((e) => e.column === 'phase')?.message).toMatch(
      /must be one of training, fine_tuning/,
    );
    expect(result.errors.find((e) => e.column === 'accelerator_count')?.message).toBe(
      'accelerator_count: must be a whole number (got 2.5)',
    );
  });

  test('ended_at before started_at is reported on ended_at', () => {
    const result = parse(`${HEAD}\nr1,training,2025-03-02,2025-03-01,1\n`);
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'ended_at',
        message: expect.stringMatching(/before started_at/),
      }),
    ]);
  });

  test('a missing required cell says it is required', () => {
    const result = parse(`${HEAD}\nr1,,2025-03-01,2025-03-02,1\n`);
    expect(result.errors).toEqual([
      expect.objectContaining({ column: 'phase', message: 'phase: is required' }),
    ]);
  });

  test('duplicate record_id is an error on the later line', () => {
    const result = parse(
      `${HEAD}\na,training,2025-03-01,2025-03-02,1\nb,training,2025-03-01,2025-03-02,1\na,training,2025-03-01,2025-03-02,2\n`,
    );
    expect(result.records.map((r) => r.line)).toEqual([2, 3]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 4,
        column: 'record_id',
        message: expect.stringMatching(/already used on line 2/),
      }),
    ]);
  });

  test('missing required columns are header errors and every row is rejected', () => {
    const result = parse('record_id,phase,energy_kwh\nr1,training,1\n');
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [1, 'started_at'],
      [1, 'ended_at'],
    ]);
    expect(result.stats.rejected).toBe(1);
  });

  test('an unnamed header column (trailing delimiter) is explained', () => {
    const result = parse(`${HEAD},\nr1,training,2025-03-01,2025-03-02,1,\n`);
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 1,
        column: null,
        message: expect.stringMatching(/trailing delimiter/),
      }),
    ]);
    expect(result.records).toHaveLength(1);
  });

  test('wrong field count is reported on the row', () => {
    const result = parse(`${HEAD}\nr1,training,2025-03-01,2025-03-02,1,extra\n`);
    expect(result.errors[0]).toMatchObject({
      line: 2,
      column: null,
      message: expect.stringMatching(/6 fields but the header has 5/),
    });
  });

  test('line numbers stay physical after quoted multi-line notes and blank lines', () => {
    const text = `${HEAD},notes\n\nr1,training,2025-03-01,2025-03-02,1,"first\nsecond\r\nthird"\nr2,training,2025-03-01,2025-03-02,-1,x\n`;
    const result = parse(text);
    expect(result.records[0]).toMatchObject({ line: 3, record: { notes: 'first\nsecond\r\nthird' } });
    expect(result.errors).toEqual([expect.objectContaining({ line: 6, column: 'energy_kwh' })]);
  });

  test('tab-delimited file with a UTF-8 BOM', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...enc(
        'record_id\tphase\tstarted_at\tended_at\nt1\tevaluation\t2025-03-01\t2025-03-01T06:00:00+02:00\n',
      ),
    ]);
    const result = parseUsageFile(bytes, { fileName: 't.tsv' });
    expect(result.headers).toEqual(['record_id', 'phase', 'started_at', 'ended_at']);
    expect(result.records[0]?.record.endedAt.toISOString()).toBe('2025-03-01T04:00:00.000Z');
  });

  test('an unterminated quote is reported where it opened', () => {
    const result = parse(
      `${HEAD},notes\nr1,training,2025-03-01,2025-03-02,1,ok\nr2,training,2025-03-01,2025-03-02,1,"never closed\nr3,training,2025-03-01,2025-03-02,1,x\n`,
    );
    expect(result.records.map((r) => r.record.recordId)).toEqual(['r1']);
    expect(result.errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/never closed/) });
  });

  test('unknown headers without mapping ask for one', () => {
    const result = parse('Job,Start,End,kWh\nj1,2025-03-01,2025-03-02,5\n');
    expect(result).toMatchObject({
      format: 'unknown',
      needsMapping: true,
      headers: ['Job', 'Start', 'End', 'kWh'],
      records: [],
    });
    expect(result.errors[0]?.message).toMatch(/unrecognised header.*map the columns/);
  });

  test('format can be forced', () => {
    const result = parse('phase,started_at,ended_at\ntraining,2025-03-01,2025-03-02\n', {
      format: 'generic',
    });
    expect(result.records).toHaveLength(1);
  });
});
