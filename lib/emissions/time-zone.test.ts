import { describe, expect, it } from 'vitest';
import { isValidTimeZone, localDateParts, zoneOffsetMs } from './time-zone';

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
