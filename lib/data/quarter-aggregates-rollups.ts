import 'server-only';
import { isoDay } from '@/lib/dashboard/date-range';
import { getPrisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TRollupMonthRow } from '@/lib/reports/aggregate-rollups';
import type { TContractUse, TFactorUsed, TReportPeriod } from '@/lib/reports/aggregate-types';

/**
 * Report inputs read without loading records into memory: monthly sums of the daily rollups over the whole
 * comparison window (report periods are local months in the organisation's time zone, the rollups' calendar),
 * and the per-record quality facts (assumption flags, cited factors, market allocations, methodology versions)
 * aggregated by Postgres over the period's records only.
 */
export async function findRollupMonths(
  ctx: { orgId: string },
  timeZone: string,
  from: Date,
  to: Date,
): Promise<TRollupMonthRow[]> {
  const month = Prisma.sql`to_char(date_trunc('month', u.day::timestamp), 'YYYY-MM')`;
  return getPrisma().$queryRaw<TRollupMonthRow[]>`
    SELECT ${month} AS month, u.provider::text AS provider, u.region, u.grid_zone AS "gridZone", u.phase::text AS phase,
           u.model, t.name AS team, u.is_measured AS "isMeasured",
           SUM(u.record_starts)::int AS starts,
           COALESCE(SUM(u.record_carry_in) FILTER (WHERE extract(day FROM u.day) = 1), 0)::int AS "carryFirst",
           SUM(u.record_share)::float8 AS "recordShare", SUM(u.it_energy_kwh)::float8 AS "itEnergyKwh",
           SUM(u.facility_energy_kwh)::float8 AS "facilityEnergyKwh", SUM(u.location_kg_co2e)::float8 AS "locationKgCo2e",
           SUM(u.market_kg_co2e)::float8 AS "marketKgCo2e", SUM(u.market_matched_kwh)::float8 AS "marketMatchedKwh",
           SUM(u.embodied_kg_co2e)::float8 AS "embodiedKgCo2e", SUM(u.water_onsite_l)::float8 AS "waterOnsiteL",
           SUM(u.water_offsite_l)::float8 AS "waterOffsiteL",
           SUM(u.uncertainty_low_kg_co2e)::float8 AS "uncertaintyLowKgCo2e",
           SUM(u.uncertainty_high_kg_co2e)::float8 AS "uncertaintyHighKgCo2e",
           SUM(u.device_hours)::float8 AS "deviceHours", SUM(u.requests)::float8 AS requests,
           SUM(u.request_location_kg_co2e)::float8 AS "requestLocationKgCo2e",
           SUM(u.request_embodied_kg_co2e)::float8 AS "requestEmbodiedKgCo2e", SUM(u.tokens)::float8 AS tokens,
           SUM(u.token_location_kg_co2e)::float8 AS "tokenLocationKgCo2e",
           SUM(u.token_embodied_kg_co2e)::float8 AS "tokenEmbodiedKgCo2e"
      FROM usage_rollup_daily u LEFT JOIN team t ON t.id = u.team_id
     WHERE u.org_id = ${ctx.orgId}::uuid AND u.day >= ${isoDay(from, timeZone)}::date AND u.day < ${isoDay(to, timeZone)}::date
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
}

/** Records with a positive share in [start, end) (zero-length ones when they start inside). */
function periodRecordsSql(ctx: { orgId: string }, period: TReportPeriod): Prisma.Sql {
  return Prisma.sql`(SELECT r.* FROM usage_record r
     WHERE r.org_id = ${ctx.orgId}::uuid AND r.started_at < ${period.end}
       AND (r.ended_at > ${period.start} OR (r.ended_at <= r.started_at AND r.started_at >= ${period.start})))`;
}

export interface TPeriodQuality {
  assumptionFlags: { code: string; records: number }[];
  factors: TFactorUsed[];
  contractUse: TContractUse[];
  methodologyVersions: string[];
}

/** Flags, factors (first citation's metadata, in record order), contract use and versions of the period. */
export async function findPeriodQuality(
  ctx: { orgId: string },
  period: TReportPeriod,
): Promise<TPeriodQuality> {
  const prisma = getPrisma();
  const records = periodRecordsSql(ctx, period);
  const share = Prisma.sql`(CASE WHEN r.ended_at > r.started_at
      THEN GREATEST(0, EXTRACT(EPOCH FROM (LEAST(r.ended_at, ${period.end}::timestamptz) - GREATEST(r.started_at, ${period.start}::timestamptz))))
           / EXTRACT(EPOCH FROM (r.ended_at - r.started_at)) ELSE 1 END)::float8`;
  const [flags, factors, contracts, versions] = await Promise.all([
    prisma.$queryRaw<{ code: string; records: number }[]>`
      SELECT f AS code, COUNT(*)::int AS records
        FROM ${records} r CROSS JOIN LATERAL (SELECT DISTINCT unnest(r.assumption_flags) AS f) x
       GROUP BY f`,
    prisma.$queryRaw<{ ref: Record<string, unknown>; records: number }[]>`
      WITH refs AS (
        SELECT e.f, e.f->>'id' AS id, r.started_at, r.id AS record_id, e.ord
          FROM ${records} r
          CROSS JOIN LATERAL jsonb_array_elements(COALESCE(r.factor_refs->'factors', '[]'::jsonb)) WITH ORDINALITY AS e(f, ord))
      SELECT first.f AS ref, counts.records
        FROM (SELECT id, COUNT(*)::int AS records FROM refs GROUP BY id) counts
        JOIN (SELECT DISTINCT ON (id) id, f FROM refs ORDER BY id, started_at, record_id, ord) first USING (id)`,
    prisma.$queryRaw<
      { contractId: string; instrumentType: string; energyKwh: number; gCo2ePerKwh: number }[]
    >`
      SELECT a->>'contractId' AS "contractId",
             (array_agg(a->>'instrumentType' ORDER BY r.started_at, r.id))[1] AS "instrumentType",
             SUM((a->>'energyKwh')::float8 * ${share})::float8 AS "energyKwh",
             (array_agg((a->>'gCo2ePerKwh')::float8 ORDER BY r.started_at, r.id))[1] AS "gCo2ePerKwh"
        FROM ${records} r
        CROSS JOIN LATERAL jsonb_array_elements(COALESCE(r.factor_refs->'marketAllocations', '[]'::jsonb)) AS a
       GROUP BY 1`,
    prisma.$queryRaw<
      { version: string }[]
    >`SELECT DISTINCT r.methodology_version AS version FROM ${records} r`,
  ]);
  return {
    assumptionFlags: flags.sort((a, b) => b.records - a.records || a.code.localeCompare(b.code)),
    factors: factors
      .map(({ ref, records: count }) => ({
        id: String(ref.id),
        kind: String(ref.kind),
        value: Number(ref.value),
        unit: String(ref.unit),
        source: String(ref.source),
        datasetVersion: String(ref.datasetVersion),
        basis: ref.basis === undefined || ref.basis === null ? null : String(ref.basis),
        licence: null,
        records: count,
      }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id)),
    contractUse: contracts.sort((a, b) => a.contractId.localeCompare(b.contractId)),
    methodologyVersions: versions.map((v) => v.version).sort(),
  };
}
