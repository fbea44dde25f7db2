import { describe, expect, test } from 'vitest';
import * as schema from './usage-record';

// Bounds of the canonical record (issue #17 items 4 and 5). Expected values come from the documented bounds
// (docs/CSV_FORMAT.md "Plausible ranges"), not from the code: 366 days, one day after now, and the table below.
const { ZUsageRecordInput } = schema;
const base = { phase: 'training', startedAt: '2026-01-01T00:00:00Z', endedAt: '2026-01-02T00:00:00Z' };
const NOW = new Date('2026-12-06T12:00:00Z');
const DAY_MS = 86_400_000;

function issuesOf(input: Record<string, unknown>) {
  const parsed = ZUsageRecordInput.safeParse({ ...base, ...input });
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('record duration', () => {
  test('2000-01-01 to 2099-12-31 is rejected on endedAt, naming the 366-day maximum', () => {
    const issues = issuesOf({ startedAt: '2000-01-01', endedAt: '2099-12-31' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('endedAt');
    expect(issues[0]?.message).toContain('at most 366 days');
    // 2000-01-01 → 2099-12-31 is 36,524 days (25 leap years in 2000–2096 incl. 2000).
    expect(issues[0]?.message).toContain('36524.0 days');
  });

  test('exactly 366 days passes; 366 days and one second fails', () => {
    const start = Date.parse('2024-01-01T00:00:00Z');
    const end = new Date(start + 366 * DAY_MS).toISOString();
    expect(issuesOf({ startedAt: '2024-01-01T00:00:00Z', endedAt: end })).toEqual([]);
    const over = new Date(start + 366 * DAY_MS + 1000).toISOString();
    expect(issuesOf({ startedAt: '2024-01-01T00:00:00Z', endedAt: over })[0]?.path).toBe('endedAt');
  });
});

describe('date window relative to now', () => {
  const at = (input: Record<string, unknown>) =>
    schema.usageRecordSchemaAt(NOW).safeParse({ ...base, ...input });

  test('a record may end up to one day after now', () => {
    expect(at({ startedAt: '2026-12-07T00:00:00Z', endedAt: '2026-12-07T12:00:00Z' }).success).toBe(true);
  });

  test('a record ending more than one day after now is rejected on endedAt with the latest allowed day', () => {
    const parsed = at({ startedAt: '2026-12-07T00:00:00Z', endedAt: '2026-12-07T12:00:01Z' });
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual(['endedAt']);
    expect(issue?.message).toContain('2026-12-07');
  });

  test('a record before 2000 is still rejected', () => {
    expect(at({ startedAt: '1999-12-31T00:00:00Z', endedAt: '2000-01-01T00:00:00Z' }).success).toBe(false);
  });
});

// [field, largest allowed, unit in the message]; each bound is documented with its reason in docs/CSV_FORMAT.md.
const MAXIMA: [string, number, string][] = [
  ['acceleratorCount', 1_000_000, '1,000,000'],
  ['acceleratorHours', 1e10, '10,000,000,000 device-hours'],
  ['acceleratorPowerW', 100_000, '100,000 W'],
  ['utilization', 1, '1'],
  ['energyKwh', 1e10, '10,000,000,000 kWh'],
  ['requests', 1e13, '10,000,000,000,000 requests'],
  ['tokens', 1e17, '100,000,000,000,000,000 tokens'],
  ['energyPerRequestWh', 10_000, '10,000 Wh'],
  ['pue', 5, '5'],
  ['carbonIntensityGPerKwh', 5_000, '5,000 gCO2e/kWh'],
  ['wueLPerKwh', 50, '50 L/kWh'],
  ['cost', 1e12, '1,000,000,000,000'],
];

describe('numeric ranges', () => {
  test.each(MAXIMA)(
    '%s: the maximum passes, above it and 1e308 fail naming the range',
    (field, max, text) => {
      expect(issuesOf({ [field]: max })).toEqual([]);
      const above = field === 'acceleratorCount' ? max + 1 : max * 1.000001;
      for (const value of [above, 1e308]) {
        // (1e308 is also no safe integer, a second issue on acceleratorCount.)
        const issues = issuesOf({ [field]: value });
        expect(issues.length).toBeGreaterThan(0);
        expect(issues.every((issue) => issue.path === field)).toBe(true);
        expect(issues.some((issue) => issue.message.includes(text))).toBe(true);
      }
    },
  );

  test('negative values fail for every bounded field', () => {
    for (const [field] of MAXIMA) {
      expect(issuesOf({ [field]: -1 })[0]?.path).toBe(field);
    }
  });
});
