import { expect, test } from 'vitest';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { chooseBucket, formatRange, previousPeriod, relativeChange, resolveDateRange } from './date-range';

const now = new Date('2026-11-29T15:30:00Z');
const span = { from: new Date('2025-05-01T08:00:00Z'), to: new Date('2026-10-31T12:00:00Z') };
const iso = (r: { from: Date; to: Date }) => [
  r.from.toISOString().slice(0, 10),
  r.to.toISOString().slice(0, 10),
];
const resolve = (params: Record<string, string>) =>
  resolveDateRange(parseDashboardFilters(params), now, span);

test('the default range is the last 12 complete calendar months (the current one is under way)', () => {
  expect(iso(resolve({}))).toEqual(['2025-11-01', '2026-11-01']);
});

test('quarter, year-to-date and all-time presets', () => {
  expect(iso(resolve({ range: 'this_quarter' }))).toEqual(['2026-10-01', '2026-11-30']);
  expect(iso(resolve({ range: 'last_quarter' }))).toEqual(['2026-07-01', '2026-10-01']);
  expect(iso(resolve({ range: 'ytd' }))).toEqual(['2026-01-01', '2026-11-30']);
  expect(iso(resolve({ range: 'all' }))).toEqual(['2025-05-01', '2026-11-01']);
  expect(iso(resolveDateRange({ range: 'all' }, now, null))).toEqual(['2026-11-29', '2026-11-30']);
});

test('last quarter in January wraps to the previous year', () => {
  const r = resolveDateRange({ range: 'last_quarter' }, new Date('2026-01-15T00:00:00Z'), null);
  expect(iso(r)).toEqual(['2025-10-01', '2026-01-01']);
});

test('custom range: inclusive end day, swapped bounds and missing bounds fall back sensibly', () => {
  expect(iso(resolve({ range: 'custom', from: '2026-03-01', to: '2026-03-31' }))).toEqual([
    '2026-03-01',
    '2026-04-01',
  ]);
  expect(iso(resolve({ range: 'custom', from: '2026-04-10' }))).toEqual(['2026-04-10', '2026-11-30']);
  const swapped = resolve({ range: 'custom', from: '2026-05-10', to: '2026-05-01' });
  expect(swapped.from < swapped.to).toBe(true);
  expect(iso(resolve({ range: 'custom', from: 'not-a-date' }))).toEqual(['2025-11-01', '2026-11-30']);
});

test('previous period: equal length for days, the previous quarter for a quarter; ends where the range starts', () => {
  const range = resolve({ range: 'custom', from: '2026-03-10', to: '2026-03-19' });
  const prev = previousPeriod(range);
  expect(prev.to).toEqual(range.from);
  expect(prev.to.getTime() - prev.from.getTime()).toBe(range.to.getTime() - range.from.getTime());
  // Q3 (92 days) against Q2 (91 days), as the quarterly report compares them.
  expect(iso(previousPeriod(resolve({ range: 'last_quarter' })))).toEqual(['2026-04-01', '2026-07-01']);
});

test('bucket size follows range length', () => {
  expect(chooseBucket(resolve({ range: 'custom', from: '2026-03-01', to: '2026-03-31' }))).toBe('day');
  expect(chooseBucket(resolve({ range: 'this_quarter' }))).toBe('week');
  expect(chooseBucket(resolve({}))).toBe('month');
});

test('relative change is null when the previous value is zero', () => {
  expect(relativeChange(110, 100)).toBeCloseTo(0.1);
  expect(relativeChange(50, 100)).toBeCloseTo(-0.5);
  expect(relativeChange(5, 0)).toBeNull();
  expect(formatRange({ from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') })).toBe(
    '2026-01-01 – 2026-01-31',
  );
});
