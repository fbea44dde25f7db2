import 'server-only';
import { isoDay } from '@/lib/dashboard/date-range';
import { getPrisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TRollupMonthRow } from '@/lib/reports/aggregate-rollups';

/**
 * Report inputs read without loading records into memory: monthly sums of the daily rollups over the whole
 * comparison window (report periods are local months in the organisation's time zone, the rollups' calendar).
 * The per-record quality facts come from usage_quality_daily (./quarter-quality.ts).
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
