import { describe, expect, test } from 'vitest';
import { parseUsageFile } from './parse-usage-file';
import type { ParseOptions } from './types';

const enc = (text: string) => new TextEncoder().encode(text);
const parse = (rows: string[], extra: Partial<ParseOptions> = {}) =>
  parseUsageFile(enc(['record_id,phase,started_at,ended_at,energy_kwh', ...rows].join('\n')), {
    fileName: 'u.csv',
    ...extra,
  });
const hoursOf = (result: ReturnType<typeof parse>) =>
  Object.fromEntries(
    result.records.map((r) => [
      r.record.recordId,
      (r.record.endedAt.getTime() - r.record.startedAt.getTime()) / 3_600_000,
    ]),
  );

describe('generic template: timestamps without offset are wall time in the upload zone', () => {
  test('the zone is applied (it used to be ignored: every naive value was UTC)', () => {
    const result = parse(['a,training,2024-07-01T09:00:00,2024-07-01T10:00:00,1'], {
      timeZone: 'Europe/Paris',
    });
    // 09:00 CEST (UTC+2) = 07:00Z.
    expect(result.records[0]?.record.startedAt.toISOString()).toBe('2024-07-01T07:00:00.000Z');
  });

  test('durations across DST are real elapsed time', () => {
    const rows = [
      // Spring forward 2024-03-31 02:00 → 03:00: 01:00 CET (00:00Z) → 04:00 CEST (02:00Z) = 2 h.
      'spring,training,2024-03-31T01:00:00,2024-03-31T04:00:00,1',
      // Fall back 2024-10-27 03:00 → 02:00: 01:00 CEST (2024-10-26 23:00Z) → 04:00 CET (03:00Z) = 4 h.
      'fall,training,2024-10-27T01:00:00,2024-10-27T04:00:00,1',
      // Whole local days: 2024-03-31 00:00 CET → 2024-04-01 00:00 CEST is a 23-hour day.
      'day,training,2024-03-31,2024-04-01,1',
    ];
    expect(hoursOf(parse(rows, { timeZone: 'Europe/Paris' }))).toEqual({ spring: 2, fall: 4, day: 23 });
    // Read in UTC (the default), the same wall times are 3 h, 3 h and 24 h.
    expect(hoursOf(parse(rows))).toEqual({ spring: 3, fall: 3, day: 24 });
  });

  test('a time in the repeated or skipped hour is a row error on its line and column', () => {
    const result = parse(
      [
        'ok,training,2024-11-03T00:00:00,2024-11-03T00:30:00,1',
        'twice,training,2024-11-03T00:00:00,2024-11-03T01:30:00,1',
        'never,training,2024-03-10T02:30:00,2024-03-10T05:00:00,1',
      ],
      { timeZone: 'America/New_York' },
    );
    expect(result.records.map((r) => r.record.recordId)).toEqual(['ok']);
    expect(result.errors).toEqual([
      {
        fileName: 'u.csv',
        line: 3,
        column: 'ended_at',
        message: expect.stringContaining(
          '"2024-11-03T01:30:00" happens twice in America/New_York (the clocks go back that night); add the offset: 2024-11-03T01:30:00-04:00 for the first, 2024-11-03T01:30:00-05:00 for the second',
        ),
      },
      {
        fileName: 'u.csv',
        line: 4,
        column: 'started_at',
        message: expect.stringContaining('"2024-03-10T02:30:00" does not exist in America/New_York'),
      },
    ]);
  });

  test('an unknown zone fails the file, for generic files too', () => {
    const result = parse(['a,training,2024-07-01T09:00:00,2024-07-01T10:00:00,1'], {
      timeZone: 'Mars/Olympus',
    });
    expect(result.records).toEqual([]);
    expect(result.errors[0]?.message).toBe(
      'unknown time zone "Mars/Olympus"; use an IANA name such as Europe/Paris or UTC',
    );
  });
});
