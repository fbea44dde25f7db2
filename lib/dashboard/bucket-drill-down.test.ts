import { expect, test } from 'vitest';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { bucketRecordsFilters } from './bucket-drill-down';

const range = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-12-07T00:00:00Z') };

test('a month bar opens that month of records with the other filters kept', () => {
  const filters = parseDashboardFilters({ range: 'ytd', team: 'platform', basis: 'market' });
  expect(bucketRecordsFilters(filters, range, '2026-02-01', '2026-03-01')).toMatchObject({
    range: 'custom',
    from: '2026-02-01',
    to: '2026-02-28',
    team: ['platform'],
    basis: 'market',
  });
});

test('the first and last buckets are cut to the range (a week starting before it, the month under way)', () => {
  const filters = parseDashboardFilters({ range: 'ytd' });
  // 2026-01-01 is a Thursday: its week bucket starts on Monday 2025-12-29.
  expect(bucketRecordsFilters(filters, range, '2025-12-29', '2026-01-05')).toMatchObject({
    from: '2026-01-01',
    to: '2026-01-04',
  });
  expect(bucketRecordsFilters(filters, range, '2026-12-01', null)).toMatchObject({
    from: '2026-12-01',
    to: '2026-12-06',
  });
});
