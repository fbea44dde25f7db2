import { expect, test } from 'vitest';
import { isValidTimeZone, zoneOffsetMs } from '@/lib/emissions/time-zone';
import { parseLocalTimestamp } from './time-zone';

const iso = (text: string, zone: string) => parseLocalTimestamp(text, zone)?.toISOString() ?? null;

test('naive timestamps are read in the given IANA zone (summer and winter offsets)', () => {
  expect(iso('2024-05-31T10:39:13', 'Europe/Paris')).toBe('2024-05-31T08:39:13.000Z');
  expect(iso('2024-01-15T10:00:00', 'Europe/Paris')).toBe('2024-01-15T09:00:00.000Z');
  expect(iso('2024-07-01 08:00:00', 'America/New_York')).toBe('2024-07-01T12:00:00.000Z');
  expect(iso('2024/05/01 12:00:00.123', 'Asia/Kolkata')).toBe('2024-05-01T06:30:00.123Z');
  expect(iso('2024-05-01T12:00:00', 'UTC')).toBe('2024-05-01T12:00:00.000Z');
});

test('explicit offsets win over the zone', () => {
  expect(iso('2024-05-01T12:00:00+02:00', 'America/New_York')).toBe('2024-05-01T10:00:00.000Z');
  expect(iso('2024-05-01T12:00:00Z', 'Europe/Paris')).toBe('2024-05-01T12:00:00.000Z');
});

test('DST: repeated hour takes the earlier instant, missing hour is shifted forward', () => {
  // Paris falls back 2024-10-27 03:00 CEST → 02:00 CET; springs forward 2024-03-31 02:00 → 03:00.
  expect(iso('2024-10-27T02:30:00', 'Europe/Paris')).toBe('2024-10-27T00:30:00.000Z');
  expect(iso('2024-03-31T02:30:00', 'Europe/Paris')).toBe('2024-03-31T01:30:00.000Z');
});

test('impossible or malformed timestamps are null', () => {
  expect(iso('2024-02-30T10:00:00', 'UTC')).toBeNull();
  expect(iso('2024-05-01T24:00:00', 'UTC')).toBeNull();
  expect(iso('31/05/2024 10:00', 'UTC')).toBeNull();
});

test('zone validation and offsets', () => {
  expect(isValidTimeZone('Europe/Paris')).toBe(true);
  expect(isValidTimeZone('Not/AZone')).toBe(false);
  expect(zoneOffsetMs('Europe/Paris', Date.UTC(2024, 6, 1))).toBe(7_200_000);
});
