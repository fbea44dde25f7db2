import { describe, expect, it } from 'vitest';
import {
  formatUtcOffset,
  isValidTimeZone,
  localDateParts,
  resolveZonedWallTime,
  zonedWallTimeToUtc,
  zoneOffsetMs,
} from './time-zone';

const HOUR_MS = 3_600_000;

describe('time-zone offsets (one implementation for quarters and ingest)', () => {
  it('Australia/Sydney is UTC+11 in January (AEDT) and UTC+10 in July (AEST)', () => {
    expect(zoneOffsetMs('Australia/Sydney', Date.parse('2026-01-15T12:00:00Z'))).toBe(11 * HOUR_MS);
    expect(zoneOffsetMs('Australia/Sydney', Date.parse('2026-07-15T12:00:00Z'))).toBe(10 * HOUR_MS);
  });

  it('Europe/Paris changes at 01:00Z on the last Sunday of March', () => {
    expect(zoneOffsetMs('Europe/Paris', Date.parse('2026-03-29T00:59:59Z'))).toBe(1 * HOUR_MS);
    expect(zoneOffsetMs('Europe/Paris', Date.parse('2026-03-29T01:00:00Z'))).toBe(2 * HOUR_MS);
  });

  it('the local calendar date of an instant', () => {
    // 14:30Z on 31 Dec 2026 is 01:30 on 1 Jan 2027 in Sydney (UTC+11).
    expect(localDateParts('Australia/Sydney', Date.parse('2026-12-31T14:30:00Z'))).toEqual({
      year: 2027,
      month: 1,
      day: 1,
    });
    expect(localDateParts('UTC', Date.parse('2026-12-31T14:30:00Z'))).toEqual({
      year: 2026,
      month: 12,
      day: 31,
    });
  });

  it('knows which zone names the runtime accepts', () => {
    expect(isValidTimeZone('Australia/Sydney')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('wall time → instants across DST changes (resolveZonedWallTime)', () => {
  const wall = (text: string) => {
    const [date = '', time = ''] = text.split('T');
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    return { year, month, day, hour, minute, second: 0, ms: 0 };
  };
  const resolve = (text: string, zone: string) => {
    const r = resolveZonedWallTime(wall(text), zone);
    return { kind: r.kind, earlier: r.earlier.toISOString(), later: r.later.toISOString() };
  };

  it('Europe/Paris 2024-03-31: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist', () => {
    // 01:00 CET (UTC+1) = 00:00Z; 04:00 CEST (UTC+2) = 02:00Z: a 01:00–04:00 run lasts 2 h of real time.
    expect(resolve('2024-03-31T01:00', 'Europe/Paris')).toMatchObject({
      kind: 'unique',
      earlier: '2024-03-31T00:00:00.000Z',
    });
    expect(resolve('2024-03-31T04:00', 'Europe/Paris')).toMatchObject({
      kind: 'unique',
      earlier: '2024-03-31T02:00:00.000Z',
    });
    // 02:30 read with the offset before the change (UTC+1) = 01:30Z, which the clocks show as 03:30 CEST.
    expect(resolve('2024-03-31T02:30', 'Europe/Paris')).toEqual({
      kind: 'gap',
      earlier: '2024-03-31T01:30:00.000Z',
      later: '2024-03-31T01:30:00.000Z',
    });
  });

  it('America/New_York 2024-11-03: 01:30 happens twice (EDT UTC−4, then EST UTC−5)', () => {
    expect(resolve('2024-11-03T01:30', 'America/New_York')).toEqual({
      kind: 'ambiguous',
      earlier: '2024-11-03T05:30:00.000Z',
      later: '2024-11-03T06:30:00.000Z',
    });
    expect(zonedWallTimeToUtc(wall('2024-11-03T01:30'), 'America/New_York').toISOString()).toBe(
      '2024-11-03T05:30:00.000Z',
    );
    expect(formatUtcOffset(wall('2024-11-03T01:30'), new Date('2024-11-03T06:30:00Z'))).toBe('-05:00');
  });
});
