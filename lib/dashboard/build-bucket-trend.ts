import { gCo2ePer1kRequests, gCo2ePer1mTokens } from '@/lib/emissions/intensity-metrics';
import { PHASES, type TPhase } from '@/lib/schemas/usage-record';
import { bucketStarts } from './buckets';
import type { TBucket, TDateRange } from './date-range';
import { bucketCoverage, type TBucketCoverage } from './period-coverage';

/** One bucket of the stacked trend: tonnes CO2e per phase (location and market), MWh and m³. */
export interface TTrendPoint {
  bucket: string;
  location: Record<TPhase, number>;
  market: Record<TPhase, number>;
  facilityEnergyMwh: number;
  waterM3: number;
  /** `partial`: under way today; `no-data`: outside the organisation's data (charts leave a gap, not a 0). */
  coverage: TBucketCoverage;
}

/** What the coverage of each bucket is judged against: the request's "today" and the data span (first–last record). */
export interface TCoverageContext {
  now: Date;
  dataSpan: { from: Date; to: Date } | null;
}

/** One SQL row: bucket start (YYYY-MM-DD, UTC; weeks start on Monday) × phase, in kg, kWh and L. */
export interface TBucketPhaseInput {
  bucket: string;
  phase: TPhase;
  locationKgCo2e: number;
  marketKgCo2e: number;
  facilityEnergyKwh: number;
  waterL: number;
}

const zeroByPhase = (): Record<TPhase, number> =>
  Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<TPhase, number>;

/** Pivots bucket × phase rows (kg, kWh, L) into one point per bucket (t, MWh, m³); empty buckets are zeros. */
export function buildBucketTrend(
  rows: TBucketPhaseInput[],
  range: TDateRange,
  bucket: TBucket,
  context?: TCoverageContext,
): TTrendPoint[] {
  const starts = bucketStarts(range, bucket);
  const points = new Map<string, TTrendPoint>(
    starts.map((b, i) => {
      // The bucket as far as it lies inside the range (first and last may be cut by it).
      const from = new Date(Math.max(Date.parse(`${b}T00:00:00Z`), range.from.getTime()));
      const next = starts[i + 1];
      const to = next ? new Date(Date.parse(`${next}T00:00:00Z`)) : range.to;
      const coverage = context ? bucketCoverage({ from, to }, context.now, context.dataSpan) : 'complete';
      return [
        b,
        {
          bucket: b,
          location: zeroByPhase(),
          market: zeroByPhase(),
          facilityEnergyMwh: 0,
          waterM3: 0,
          coverage,
        },
      ];
    }),
  );
  for (const row of rows) {
    const point = points.get(row.bucket);
    if (point) {
      point.location[row.phase] += row.locationKgCo2e / 1000;
      point.market[row.phase] += row.marketKgCo2e / 1000;
      point.facilityEnergyMwh += row.facilityEnergyKwh / 1000;
      point.waterM3 += row.waterL / 1000;
    }
  }
  return [...points.values()];
}

export interface TBucketModelInput {
  bucket: string;
  model: string;
  locationKgCo2e: number;
  requests: number;
  tokens: number;
}

/** Per bucket, per model: g CO2e per 1k requests and per 1M tokens (null where the denominator is 0). */
export interface TIntensitySeries {
  models: string[];
  points: {
    bucket: string;
    perThousandRequests: Record<string, number | null>;
    perMillionTokens: Record<string, number | null>;
  }[];
}

export function buildIntensitySeries(
  rows: TBucketModelInput[],
  range: TDateRange,
  bucket: TBucket,
): TIntensitySeries {
  const models = [...new Set(rows.map((r) => r.model))].sort();
  const byKey = new Map(rows.map((r) => [`${r.bucket}|${r.model}`, r]));
  const points = bucketStarts(range, bucket).map((b) => {
    const perThousandRequests: Record<string, number | null> = {};
    const perMillionTokens: Record<string, number | null> = {};
    for (const model of models) {
      const row = byKey.get(`${b}|${model}`);
      perThousandRequests[model] = row ? gCo2ePer1kRequests(row.locationKgCo2e, row.requests) : null;
      perMillionTokens[model] = row ? gCo2ePer1mTokens(row.locationKgCo2e, row.tokens) : null;
    }
    return { bucket: b, perThousandRequests, perMillionTokens };
  });
  return { models, points };
}
