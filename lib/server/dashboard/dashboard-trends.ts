import 'server-only';
import type { TBucketModelInput, TBucketPhaseInput } from '@/lib/dashboard/build-bucket-trend';
import type { TBucket, TDateRange } from '@/lib/dashboard/date-range';
import type { TDashboardFilters } from '@/lib/schemas/dashboard-filters';
import type { TPhase } from '@/lib/schemas/usage-record';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, type Sql, sql } from '@/lib/server/db/sql';
import { planRollupRead, type TRollupCtx } from '../rollups/rollup-plan';
import { filteredRecordsSql, filteredRollupsSql, timeShareSql } from './dashboard-where';

// Row shapes are defined next to the pure code that pivots them (lib/dashboard/build-bucket-trend.ts).
export type TBucketPhasePoint = TBucketPhaseInput;
export type TBucketModelPoint = TBucketModelInput;

const UNIT: Record<TBucket, Sql> = {
  day: sql`'day'`,
  week: sql`'week'`,
  month: sql`'month'`,
};
const STEP: Record<TBucket, Sql> = {
  day: sql`interval '1 day'`,
  week: sql`interval '1 week'`,
  month: sql`interval '1 month'`,
};

/**
 * Buckets as `b(label, lo, hi)`: generate_series over the range in the range's calendar (the organisation's
 * time zone; local days, ISO weeks, months); lo/hi clip the first and last bucket to the range so a bucket
 * never counts time outside it. `label` is the local start day, YYYY-MM-DD.
 */
export function bucketsSql(range: TDateRange, bucket: TBucket): Sql {
  const from = sql`${range.from}::timestamptz`;
  const to = sql`${range.to}::timestamptz`;
  const tz = sql`${range.timeZone ?? 'UTC'}::text`;
  return sql`(SELECT to_char(g, 'YYYY-MM-DD') AS label, GREATEST(g AT TIME ZONE ${tz}, ${from}) AS lo,
             LEAST((g + ${STEP[bucket]}) AT TIME ZONE ${tz}, ${to}) AS hi
      FROM generate_series(date_trunc(${UNIT[bucket]}, ${from} AT TIME ZONE ${tz}),
                           (${to} - interval '1 microsecond') AT TIME ZONE ${tz}, ${STEP[bucket]}) AS g)`;
}

/** The rollup day's bucket label (local start day of its day/ISO week/month), matching `bucketsSql` labels. */
export function rollupBucketSql(bucket: TBucket): Sql {
  return sql`to_char(date_trunc(${UNIT[bucket]}, r.day::timestamp), 'YYYY-MM-DD')`;
}

/**
 * Rows tagged with their bucket label, and the share to multiply quantities by. Rollups: each rollup row is one
 * local day, wholly inside one bucket (share 1); raw records: joined to every bucket they overlap and split by
 * time share (fallback when the range is not whole local days of the organisation).
 */
async function bucketedSource(
  ctx: TRollupCtx,
  filters: TDashboardFilters,
  range: TDateRange,
  bucket: TBucket,
): Promise<{ source: Sql; share: Sql }> {
  const days = await planRollupRead(ctx, range);
  if (days) {
    return {
      // Monthly buckets can take whole months from the monthly rollups (a month row is wholly in its bucket).
      source: sql`SELECT ${rollupBucketSql(bucket)} AS bucket, r.* FROM ${filteredRollupsSql(ctx, filters, days, { months: bucket === 'month' })} r`,
      share: sql`1`,
    };
  }
  return {
    source: sql`SELECT b.label AS bucket, r.*, b.lo, b.hi FROM ${filteredRecordsSql(ctx, filters, range)} r
      JOIN ${bucketsSql(range, bucket)} b ON r.started_at < b.hi AND (r.ended_at > b.lo OR r.started_at >= b.lo)`,
    share: timeShareSql(sql`r.lo`, sql`r.hi`),
  };
}

/**
 * CO2e, energy and water per bucket and phase. Records straddling bucket boundaries are split by time share
 * in SQL (share = overlap of [started_at, ended_at) with the bucket ÷ duration).
 */
export async function findTrendByPhase(
  ctx: TRollupCtx,
  filters: TDashboardFilters,
  range: TDateRange,
  bucket: TBucket,
): Promise<TBucketPhasePoint[]> {
  const { source, share } = await bucketedSource(ctx, filters, range, bucket);
  const rows = await queryRows<{
    bucket: string;
    phase: TPhase;
    location: number;
    market: number;
    facility: number;
    water: number;
  }>(
    getPrisma(),
    sql`
    SELECT r.bucket, r.phase::text AS phase,
           SUM(r.location_kg_co2e * ${share})::float8 AS location,
           SUM(r.market_kg_co2e * ${share})::float8 AS market,
           SUM(r.facility_energy_kwh * ${share})::float8 AS facility,
           SUM((r.water_onsite_l + r.water_offsite_l) * ${share})::float8 AS water
      FROM (${source}) r
     GROUP BY 1, 2
     ORDER BY 1, 2`,
  );
  return rows.map((r) => ({
    bucket: r.bucket,
    phase: r.phase,
    locationKgCo2e: r.location,
    marketKgCo2e: r.market,
    facilityEnergyKwh: r.facility,
    waterL: r.water,
  }));
}

/** Inference CO2e, requests and tokens per bucket and model (for the intensity trend), split by time share. */
export async function findInferenceByModel(
  ctx: TRollupCtx,
  filters: TDashboardFilters,
  range: TDateRange,
  bucket: TBucket,
): Promise<TBucketModelPoint[]> {
  const { source, share } = await bucketedSource(ctx, filters, range, bucket);
  const rows = await queryRows<{
    bucket: string;
    model: string;
    location: number;
    requests: number;
    tokens: number;
  }>(
    getPrisma(),
    sql`
    SELECT r.bucket, r.model,
           SUM(r.location_kg_co2e * ${share})::float8 AS location,
           SUM(COALESCE(r.requests, 0) * ${share})::float8 AS requests,
           SUM(COALESCE(r.tokens, 0) * ${share})::float8 AS tokens
      FROM (${source}) r
     WHERE r.phase = 'inference' AND r.model IS NOT NULL
     GROUP BY 1, 2
     ORDER BY 1, 2`,
  );
  return rows.map((r) => ({
    bucket: r.bucket,
    model: r.model,
    locationKgCo2e: r.location,
    requests: r.requests,
    tokens: r.tokens,
  }));
}
