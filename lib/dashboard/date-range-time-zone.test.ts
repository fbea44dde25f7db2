import { expect, test } from 'vitest';
import { formatRange, previousPeriod, resolveDateRange } from './date-range';

// Ranges follow the organisation's calendar: local midnights in its time zone (as reports and rollups do).
const now = new Date('2026-11-29T23:30:00Z'); // already 30 November in Berlin

test('presets resolve to local midnights in the organisation time zone', () => {
  const r = resolveDateRange({ range: 'last_12_months' }, now, null, 'Europe/Berlin');
  // The 12 complete local months: 1 November 2025 – 31 October 2026 (November is under way in Berlin).
  expect(r.from.toISOString()).toBe('2025-10-31T23:00:00.000Z');
  expect(r.to.toISOString()).toBe('2026-10-31T23:00:00.000Z');
  expect(r.timeZone).toBe('Europe/Berlin');
  const ytd = resolveDateRange({ range: 'ytd' }, now, null, 'Europe/Berlin');
  expect(ytd.to.toISOString()).toBe('2026-11-30T23:00:00.000Z'); // end of local 30 November
  const custom = resolveDateRange(
    { range: 'custom', from: '2026-03-01', to: '2026-03-31' },
    now,
    null,
    'America/New_York',
  );
  expect([custom.from.toISOString(), custom.to.toISOString()]).toEqual([
    '2026-03-01T05:00:00.000Z',
    '2026-04-01T04:00:00.000Z', // daylight saving time began on 8 March
  ]);
  expect(formatRange(custom)).toBe('2026-03-01 – 2026-03-31');
});

test('the previous period of a whole local month is the previous local month, from a local midnight', () => {
  const march = resolveDateRange(
    { range: 'custom', from: '2026-03-01', to: '2026-03-31' },
    now,
    null,
    'America/New_York',
  );
  const previous = previousPeriod(march);
  expect(previous.from.toISOString()).toBe('2026-02-01T05:00:00.000Z');
  expect(previous.to).toEqual(march.from);
  const days = resolveDateRange(
    { range: 'custom', from: '2026-03-05', to: '2026-03-14' },
    now,
    null,
    'America/New_York',
  );
  // Ten local days before 5 March: 23 February – 4 March, from a local midnight (EST, UTC−5).
  expect(previousPeriod(days).from.toISOString()).toBe('2026-02-23T05:00:00.000Z');
});
