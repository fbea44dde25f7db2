import { expect, test } from 'vitest';
import { bucketLabel, bucketStarts } from './buckets';
import { buildBucketTrend, buildIntensitySeries } from './build-bucket-trend';

const range = (from: string, to: string) => ({
  from: new Date(`${from}T00:00:00Z`),
  to: new Date(`${to}T00:00:00Z`),
});

test('bucket starts match SQL date_trunc: months on the 1st, weeks on Monday, days', () => {
  expect(bucketStarts(range('2026-01-15', '2026-04-01'), 'month')).toEqual([
    '2026-01-01',
    '2026-02-01',
    '2026-03-01',
  ]);
  // 2026-10-01 is a Thursday: the first week bucket starts Monday 2026-09-28.
  expect(bucketStarts(range('2026-10-01', '2026-10-20'), 'week')).toEqual([
    '2026-09-28',
    '2026-10-05',
    '2026-10-12',
    '2026-10-19',
  ]);
  expect(bucketStarts(range('2026-02-27', '2026-03-02'), 'day')).toEqual([
    '2026-02-27',
    '2026-02-28',
    '2026-03-01',
  ]);
  expect(bucketLabel('2026-03-01', 'month')).toBe('Mar 26');
  expect(bucketLabel('2026-03-02', 'week')).toBe('2026-03-02');
});

test('trend pivots kg/kWh/L into t/MWh/m³ per bucket and fills empty buckets with zeros', () => {
  const series = buildBucketTrend(
    [
      {
        bucket: '2026-01-01',
        phase: 'training',
        locationKgCo2e: 2000,
        marketKgCo2e: 1000,
        facilityEnergyKwh: 5000,
        waterL: 3000,
      },
      {
        bucket: '2026-01-01',
        phase: 'inference',
        locationKgCo2e: 500,
        marketKgCo2e: 250,
        facilityEnergyKwh: 1000,
        waterL: 1000,
      },
      {
        bucket: '2026-03-01',
        phase: 'inference',
        locationKgCo2e: 100,
        marketKgCo2e: 50,
        facilityEnergyKwh: 200,
        waterL: 0,
      },
    ],
    range('2026-01-01', '2026-04-01'),
    'month',
  );
  expect(series.map((p) => p.bucket)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
  expect(series[0]?.location.training).toBe(2);
  expect(series[0]?.market.inference).toBe(0.25);
  expect(series[0]?.facilityEnergyMwh).toBe(6);
  expect(series[0]?.waterM3).toBe(4);
  expect(series[1]?.location.inference).toBe(0);
  expect(series[2]?.location.inference).toBeCloseTo(0.1);
});

test('intensity: g per 1k requests and per 1M tokens, null without a denominator', () => {
  const s = buildIntensitySeries(
    [
      { bucket: '2026-01-01', model: 'b', locationKgCo2e: 10, requests: 1_000_000, tokens: 0 },
      { bucket: '2026-01-01', model: 'a', locationKgCo2e: 2, requests: 0, tokens: 4_000_000 },
    ],
    range('2026-01-01', '2026-03-01'),
    'month',
  );
  expect(s.models).toEqual(['a', 'b']);
  // 10 kg = 10,000 g over 1,000 × 1k requests = 10 g per 1k requests.
  expect(s.points[0]?.perThousandRequests.b).toBe(10);
  expect(s.points[0]?.perThousandRequests.a).toBeNull();
  // 2,000 g over 4 × 1M tokens = 500 g per 1M tokens.
  expect(s.points[0]?.perMillionTokens.a).toBe(500);
  expect(s.points[1]?.perMillionTokens.a).toBeNull();
});

test('issue #23: each bucket says whether it is complete, still under way, or outside the data', () => {
  // Year to date on 2026-12-06 with data to 2026-10-31: October complete, November without data, December
  // under way (6 of 31 days).
  const series = buildBucketTrend([], range('2026-10-01', '2026-12-07'), 'month', {
    now: new Date('2026-12-06T12:00:00Z'),
    dataSpan: { from: new Date('2025-05-01T00:00:00Z'), to: new Date('2026-10-31T18:00:00Z') },
  });
  expect(series.map((p) => [p.bucket, p.coverage])).toEqual([
    ['2026-10-01', 'complete'],
    ['2026-11-01', 'no-data'],
    ['2026-12-01', 'partial'],
  ]);
});
