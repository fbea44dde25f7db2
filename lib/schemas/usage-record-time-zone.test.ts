import { describe, expect, test } from 'vitest';
import { readInstantIn, usageRecordSchemaIn, ZUsageRecordInput } from './usage-record';

const iso = (value: string, zone: string | null) => {
  const read = readInstantIn(value, zone);
  return typeof read === 'string' ? read : read.toISOString();
};
const HOUR_MS = 3_600_000;

describe('timestamps without offset are wall time in the chosen zone', () => {
  test('an offset or Z is the instant whatever the zone', () => {
    expect(iso('2024-07-01T12:00:00+02:00', 'America/New_York')).toBe('2024-07-01T10:00:00.000Z');
    expect(iso('2024-07-01T12:00:00Z', 'Europe/Paris')).toBe('2024-07-01T12:00:00.000Z');
  });

  test('a naive date-time or date is read in the zone (summer UTC+2 in Paris, winter UTC−5 in New York)', () => {
    expect(iso('2024-07-01T12:00:00', 'Europe/Paris')).toBe('2024-07-01T10:00:00.000Z');
    expect(iso('2024-07-01 12:00', 'Europe/Paris')).toBe('2024-07-01T10:00:00.000Z');
    expect(iso('2024-01-15T08:00:00', 'America/New_York')).toBe('2024-01-15T13:00:00.000Z');
    // A date alone is local midnight: 2024-07-01 00:00 CEST = 2024-06-30 22:00Z.
    expect(iso('2024-07-01', 'Europe/Paris')).toBe('2024-06-30T22:00:00.000Z');
  });

  test('spring forward: a 01:00–04:00 run lasts 2 h of real time (the hour 02:00–03:00 does not exist)', () => {
    const schema = usageRecordSchemaIn('Europe/Paris');
    // Europe/Paris 2024-03-31: 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z → 2 h.
    const paris = schema.parse({
      phase: 'training',
      startedAt: '2024-03-31T01:00:00',
      endedAt: '2024-03-31T04:00:00',
    });
    expect(paris.endedAt.getTime() - paris.startedAt.getTime()).toBe(2 * HOUR_MS);
    // America/New_York 2024-03-10: 01:00 EST = 06:00Z, 04:00 EDT = 08:00Z → 2 h.
    const ny = usageRecordSchemaIn('America/New_York').parse({
      phase: 'training',
      startedAt: '2024-03-10T01:00:00',
      endedAt: '2024-03-10T04:00:00',
    });
    expect(ny.startedAt.toISOString()).toBe('2024-03-10T06:00:00.000Z');
    expect(ny.endedAt.getTime() - ny.startedAt.getTime()).toBe(2 * HOUR_MS);
  });

  test('fall back: a 00:00–04:00 run lasts 5 h (the hour 01:00–02:00 happens twice)', () => {
    // America/New_York 2024-11-03: 00:00 EDT = 04:00Z, 04:00 EST = 09:00Z → 5 h.
    const r = usageRecordSchemaIn('America/New_York').parse({
      phase: 'training',
      startedAt: '2024-11-03T00:00:00',
      endedAt: '2024-11-03T04:00:00',
    });
    expect(r.endedAt.getTime() - r.startedAt.getTime()).toBe(5 * HOUR_MS);
  });

  test('a wall time in the repeated hour is refused with both offsets to choose from', () => {
    expect(iso('2024-11-03T01:30:00', 'America/New_York')).toBe(
      '"2024-11-03T01:30:00" happens twice in America/New_York (the clocks go back that night); add the offset: 2024-11-03T01:30:00-04:00 for the first, 2024-11-03T01:30:00-05:00 for the second',
    );
    // With the offset it is accepted: -05:00 is the second occurrence, 06:30Z.
    expect(iso('2024-11-03T01:30:00-05:00', 'America/New_York')).toBe('2024-11-03T06:30:00.000Z');
  });

  test('a wall time in the skipped hour is refused', () => {
    expect(iso('2024-03-31T02:30:00', 'Europe/Paris')).toBe(
      '"2024-03-31T02:30:00" does not exist in Europe/Paris (the clocks skip that hour when they go forward); check the time, or add an offset',
    );
  });
});

describe('the API schema (no zone) requires offsets on date-times', () => {
  test('a date-time without offset is a field error naming the value', () => {
    const parsed = ZUsageRecordInput.safeParse({
      phase: 'training',
      startedAt: '2026-03-10T12:00:00',
      endedAt: '2026-03-10T13:00:00Z',
    });
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    expect(issues).toEqual([
      {
        path: 'startedAt',
        message:
          '"2026-03-10T12:00:00" has no UTC offset; add Z or the offset of its zone (e.g. 2026-03-10T12:00:00Z or 2026-03-10T12:00:00+01:00) — the API does not guess a time zone',
      },
    ]);
  });

  test('a date alone stays 00:00 UTC (documented in docs/API.md)', () => {
    expect(iso('2026-03-10', null)).toBe('2026-03-10T00:00:00.000Z');
  });
});

describe('a schema remembers the timestamps it read', () => {
  test('the same text twice: equal instants in distinct Dates, and a refusal repeated with its message', () => {
    const schema = usageRecordSchemaIn('Europe/Paris');
    const row = { phase: 'training', startedAt: '2024-07-01T12:00:00', endedAt: '2024-07-01T13:00:00' };
    const first = schema.parse(row);
    const second = schema.parse(row);
    // 12:00 CEST = 10:00Z.
    expect(second.startedAt.toISOString()).toBe('2024-07-01T10:00:00.000Z');
    expect(second.startedAt).not.toBe(first.startedAt);
    first.startedAt.setTime(0);
    expect(schema.parse(row).startedAt.toISOString()).toBe('2024-07-01T10:00:00.000Z');
    // 02:30 on 2024-03-31 does not exist in Paris, however often it is read.
    const gap = { ...row, startedAt: '2024-03-31T02:30:00' };
    for (let i = 0; i < 2; i++) {
      const result = schema.safeParse(gap);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/does not exist in Europe\/Paris/);
    }
  });
});
