import { describe, expect, test } from 'vitest';
import { realisedSavings, type TScopeRecordResult } from './realised-savings';

const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000);
const row = (
  d: number,
  kg: number,
  deviceHours: number,
  requests: number | null = null,
): TScopeRecordResult => ({
  startedAt: day(d),
  locationKgCo2e: kg,
  marketKgCo2e: kg / 2,
  deviceHours,
  requests,
});

describe('realisedSavings', () => {
  test('normalises by device-hours across equal windows', () => {
    // Completion day 100, data days 0..130 → window min(90, 30, 100) = 30 days.
    // Before (days 70..99): 10 kg / 10 h on day 80 → 1 kg/h. After (100..129): 4 kg / 20 h → 0.2 kg/h.
    // Saving = 1 × 20 − 4 = 16 kg; annualised 16 × 365 / 30 = 194.667 kg. Day 20 is outside the window.
    const r = realisedSavings([row(20, 99, 1), row(80, 10, 10), row(110, 4, 20)], day(100), day(0), day(130));
    expect(r.status).toBe('measured');
    expect(r.days).toBe(30);
    expect(r.unit).toBe('device-hour');
    expect(r.before).toEqual({ locationKgCo2e: 10, marketKgCo2e: 5, work: 10, records: 1 });
    expect(r.savedKgCo2e).toBeCloseTo(16, 12);
    expect(r.savedMarketKgCo2e).toBeCloseTo(8, 12);
    expect(r.annualisedSavedKgCo2e).toBeCloseTo((16 * 365) / 30, 9);
  });

  test('prefers requests when every record has them; absolute when no common unit', () => {
    // 10 kg for 1,000 requests before; 6 kg for 2,000 after → 10/1000 × 2000 − 6 = 14 kg.
    const perRequest = realisedSavings(
      [row(80, 10, 5, 1000), row(110, 6, 0, 2000)],
      day(100),
      day(0),
      day(130),
    );
    expect(perRequest.unit).toBe('request');
    expect(perRequest.savedKgCo2e).toBeCloseTo(14, 12);
    const absolute = realisedSavings([row(80, 10, 5), row(110, 6, 0)], day(100), day(0), day(130));
    expect(absolute.unit).toBe('none');
    expect(absolute.savedKgCo2e).toBeCloseTo(4, 12);
  });

  test('too little data after completion is reported, not guessed', () => {
    const r = realisedSavings([row(80, 10, 10), row(101, 4, 20)], day(100), day(0), day(103));
    expect(r.status).toBe('insufficient-data');
    expect(r.savedKgCo2e).toBe(0);
    expect(r.method).toContain('at least 7 days');
  });
});
