import { expect, test } from 'vitest';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { previousPeriod, resolveDateRange } from './date-range';
import { bucketCoverage, comparisonCoverage, dataCoverageNote, quarterChoices } from './period-coverage';

// Issue #23 "Periods": today is fixed at 2026-12-06 (a Sunday); the demo data runs 2025-05-01 – 2026-10-31.
const now = new Date('2026-12-06T15:30:00Z');
const span = { from: new Date('2025-05-01T00:00:00Z'), to: new Date('2026-10-31T18:00:00Z') };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (r: { from: Date; to: Date }) => [
  r.from.toISOString().slice(0, 10),
  r.to.toISOString().slice(0, 10),
];
const resolve = (params: Record<string, string>) =>
  resolveDateRange(parseDashboardFilters(params), now, span);

test('last 12 complete months ends with November: no December, no future days', () => {
  // The issue saw 2026-01-01 – 2026-12-31 (calendar year, 25 future days).
  expect(iso(resolve({}))).toEqual(['2025-12-01', '2026-12-01']);
  expect(iso(resolve({ range: 'last_12_months' }))).toEqual(['2025-12-01', '2026-12-01']);
});

test('quarter to date and year to date end with today (exclusive tomorrow)', () => {
  expect(iso(resolve({ range: 'this_quarter' }))).toEqual(['2026-10-01', '2026-12-07']);
  expect(iso(resolve({ range: 'ytd' }))).toEqual(['2026-01-01', '2026-12-07']);
});

test('a chosen quarter is that whole quarter; the current one stops today; default = last complete one', () => {
  expect(iso(resolve({ range: 'quarter', quarter: '2026-Q2' }))).toEqual(['2026-04-01', '2026-07-01']);
  expect(iso(resolve({ range: 'quarter', quarter: '2025-Q4' }))).toEqual(['2025-10-01', '2026-01-01']);
  expect(iso(resolve({ range: 'quarter', quarter: '2026-Q4' }))).toEqual(['2026-10-01', '2026-12-07']);
  expect(iso(resolve({ range: 'quarter' }))).toEqual(['2026-07-01', '2026-10-01']);
  // A future quarter is never shown: it falls back to the last complete one.
  expect(iso(resolve({ range: 'quarter', quarter: '2027-Q1' }))).toEqual(['2026-07-01', '2026-10-01']);
});

test('a custom range never reaches past today', () => {
  expect(iso(resolve({ range: 'custom', from: '2026-11-01', to: '2027-03-31' }))).toEqual([
    '2026-11-01',
    '2026-12-07',
  ]);
});

test('buckets: the current incomplete one is partial, those past the data are marked, the rest complete', () => {
  // YTD monthly buckets: December 2026 has 6 of 31 days behind it.
  expect(bucketCoverage({ from: day('2026-12-01'), to: day('2027-01-01') }, now, span)).toBe('partial');
  expect(bucketCoverage({ from: day('2026-11-01'), to: day('2026-12-01') }, now, span)).toBe('no-data');
  expect(bucketCoverage({ from: day('2026-10-01'), to: day('2026-11-01') }, now, span)).toBe('complete');
  expect(bucketCoverage({ from: day('2025-04-01'), to: day('2025-05-01') }, now, span)).toBe('no-data');
  expect(bucketCoverage({ from: day('2026-10-01'), to: day('2026-11-01') }, now, null)).toBe('no-data');
});

test('a base with less data coverage is not comparable; equal coverage is', () => {
  // Last 12 complete months: 2025-12-01 – 2026-11-30 (365 days), data on 2025-12-01 – 2026-10-31 = 335 days.
  // Base 2024-12-01 – 2025-11-30: data only from 2025-05-01 = 214 days (31+30+31+31+30+31+30 for May–Nov).
  const range = resolve({});
  expect(comparisonCoverage(range, previousPeriod(range), span)).toEqual({
    comparable: false,
    current: { coveredDays: 335, days: 365 },
    previous: { coveredDays: 214, days: 365 },
  });
  // Q3 2026 against Q2 2026, as the report compares them (92 and 91 days), both fully covered.
  const q3 = resolve({ range: 'quarter', quarter: '2026-Q3' });
  expect(iso(previousPeriod(q3))).toEqual(['2026-04-01', '2026-07-01']);
  expect(comparisonCoverage(q3, previousPeriod(q3), span)).toEqual({
    comparable: true,
    current: { coveredDays: 92, days: 92 },
    previous: { coveredDays: 91, days: 91 },
  });
  // Quarter to date (67 days, Oct 1 – Dec 6): data only in October (31 days); its base is fully covered, so a
  // "−54 %" would only say that data stops at the end of October.
  const qtd = resolve({ range: 'this_quarter' });
  expect(comparisonCoverage(qtd, previousPeriod(qtd), span)).toEqual({
    comparable: false,
    current: { coveredDays: 31, days: 67 },
    previous: { coveredDays: 67, days: 67 },
  });
});

test('quarter choices run from the first data quarter to the current one, newest first', () => {
  expect(quarterChoices(span, now).map((q) => q.key)).toEqual([
    '2026-Q4',
    '2026-Q3',
    '2026-Q2',
    '2026-Q1',
    '2025-Q4',
    '2025-Q3',
    '2025-Q2',
  ]);
  expect(quarterChoices(null, now).map((q) => q.key)).toEqual(['2026-Q4']);
});

test('the coverage marker says where data starts and ends and when the range goes past it', () => {
  expect(dataCoverageNote(resolve({}), span)).toBe(
    'Data from 2025-05-01 to 2026-10-31 · nothing recorded after 2026-10-31 in this range.',
  );
  expect(dataCoverageNote(resolve({ range: 'quarter', quarter: '2026-Q3' }), span)).toBe(
    'Data from 2025-05-01 to 2026-10-31.',
  );
  expect(dataCoverageNote(resolve({ range: 'quarter', quarter: '2025-Q2' }), span)).toBe(
    'Data from 2025-05-01 to 2026-10-31 · nothing recorded before 2025-05-01.',
  );
  expect(dataCoverageNote(resolve({}), null)).toBe('No data recorded yet.');
});
