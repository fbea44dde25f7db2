import { describe, expect, test } from 'vitest';
import { validateRecordBatch } from '@/lib/server/http/validate-records';
import { parseUsageFile } from './parse-usage-file';

// Issue #17 items 4–5: out-of-range records are row errors (file, line, column, allowed range) on every path.
const bytes = (text: string) => new TextEncoder().encode(text);
const NOW = new Date('2026-12-06T12:00:00Z');
const HEADER = 'phase,started_at,ended_at,energy_kwh';

describe('uploads: bounds are row errors with file, line, column and range', () => {
  test('a record spanning 2000–2099 fails on its ended_at cell and nothing is parsed from it', () => {
    const result = parseUsageFile(bytes(`${HEADER}\ntraining,2000-01-01,2099-12-31,1\n`), {
      fileName: 'flood.csv',
      now: NOW,
    });
    expect(result.records).toEqual([]);
    // Two reasons on the same cell: too long, and 2099 is after now + 1 day.
    expect(result.errors.map((e) => [e.fileName, e.line, e.column])).toEqual([
      ['flood.csv', 2, 'ended_at'],
      ['flood.csv', 2, 'ended_at'],
    ]);
    expect(result.errors[0]?.message).toContain('at most 366 days');
    expect(result.errors[1]?.message).toContain('2026-12-07T12:00:00.000Z');
  });

  test('energy_kwh=1e308 fails on its cell naming the allowed range in kWh', () => {
    const result = parseUsageFile(
      bytes(`${HEADER}\ntraining,2026-01-01,2026-01-02,1\ntraining,2026-01-01,2026-01-02,1e308\n`),
      {
        fileName: 'huge.csv',
        now: NOW,
      },
    );
    expect(result.records.map((r) => r.line)).toEqual([2]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ fileName: 'huge.csv', line: 3, column: 'energy_kwh' });
    expect(result.errors[0]?.message).toContain('0 – 10,000,000,000 kWh');
  });

  test('a row ending more than a day after now fails on ended_at', () => {
    const result = parseUsageFile(bytes(`${HEADER}\ntraining,2026-12-08,2026-12-09,1\n`), {
      fileName: 'future.csv',
      now: NOW,
    });
    expect(result.errors[0]).toMatchObject({ fileName: 'future.csv', line: 2, column: 'ended_at' });
    expect(result.errors[0]?.message).toContain('in the future');
  });

  test('CodeCarbon: a run whose duration exceeds 366 days fails on its duration column', () => {
    const csv = [
      'timestamp,project_name,run_id,duration,emissions,energy_consumed,country_iso_code',
      // 40,000,000 s = 463 days, ending 2026-06-01.
      '2026-06-01T00:00:00,p,run-1,40000000,1,1,FRA',
    ].join('\n');
    const result = parseUsageFile(bytes(`${csv}\n`), { fileName: 'emissions.csv', now: NOW });
    expect(result.format).toBe('codecarbon');
    expect(result.records).toEqual([]);
    expect(result.errors[0]).toMatchObject({ fileName: 'emissions.csv', line: 2 });
    expect(result.errors[0]?.message).toContain('at most 366 days');
  });
});

describe('API batch: bounds are 422 errors with the field path', () => {
  const ok = { phase: 'inference', startedAt: '2026-01-01T00:00:00Z', endedAt: '2026-01-01T01:00:00Z' };

  test('energyKwh=1e308 and a future end are errors on their fields; valid records pass', () => {
    const { records, errors } = validateRecordBatch(
      [ok, { ...ok, energyKwh: 1e308 }, { ...ok, endedAt: '2026-12-08T00:00:00Z' }],
      NOW,
    );
    expect(records).toHaveLength(1);
    expect(errors.map((e) => [e.index, e.field])).toEqual([
      [1, 'energyKwh'],
      [2, 'endedAt'],
    ]);
    expect(errors[0]?.message).toContain('10,000,000,000 kWh');
  });
});
