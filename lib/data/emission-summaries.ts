import 'server-only';
import { getPrisma } from '@/lib/db';
import type { TPhase } from '@/lib/schemas/usage-record';

export interface TMonthlyPhasePoint {
  /** First day of the month in the organisation's time zone, as YYYY-MM. */
  month: string;
  phase: TPhase;
  locationKgCo2e: number;
  marketKgCo2e: number;
  facilityEnergyKwh: number;
}

export interface TFootprintTotals {
  records: number;
  facilityEnergyKwh: number;
  itEnergyKwh: number;
  locationKgCo2e: number;
  marketKgCo2e: number;
  embodiedKgCo2e: number;
  waterOnsiteL: number;
  waterOffsiteL: number;
  measuredEnergyShare: number;
  firstStartedAt: Date | null;
  lastEndedAt: Date | null;
}

export interface TDateRange {
  /** Inclusive start. */
  from: Date;
  /** Exclusive end. */
  to: Date;
}

/**
 * CO2e and energy per month and phase, months in the organisation's time zone. A record is attributed to the
 * month in which it started (splitting long runs across months by time share is planned with the dashboard).
 */
export async function findMonthlyEmissionsByPhase(
  ctx: { orgId: string },
  range: TDateRange,
): Promise<TMonthlyPhasePoint[]> {
  const rows = await getPrisma().$queryRaw<
    { month: string; phase: TPhase; location_kg: number; market_kg: number; facility_kwh: number }[]
  >`
    SELECT to_char(date_trunc('month', r.started_at AT TIME ZONE o.time_zone), 'YYYY-MM') AS month,
           r.phase::text AS phase,
           SUM(r.location_kg_co2e)::float8 AS location_kg,
           SUM(r.market_kg_co2e)::float8 AS market_kg,
           SUM(r.facility_energy_kwh)::float8 AS facility_kwh
      FROM usage_record r JOIN organization o ON o.id = r.org_id
     WHERE r.org_id = ${ctx.orgId}::uuid AND r.started_at >= ${range.from} AND r.started_at < ${range.to}
     GROUP BY 1, 2
     ORDER BY 1, 2`;
  return rows.map((r) => ({
    month: r.month,
    phase: r.phase,
    locationKgCo2e: r.location_kg,
    marketKgCo2e: r.market_kg,
    facilityEnergyKwh: r.facility_kwh,
  }));
}

/** Totals over the range; measuredEnergyShare = share of IT energy that was metered rather than modelled. */
export async function getFootprintTotals(
  ctx: { orgId: string },
  range: TDateRange,
): Promise<TFootprintTotals> {
  const [row] = await getPrisma().$queryRaw<
    {
      records: number;
      facility_kwh: number | null;
      it_kwh: number | null;
      location_kg: number | null;
      market_kg: number | null;
      embodied_kg: number | null;
      water_onsite_l: number | null;
      water_offsite_l: number | null;
      measured_it_kwh: number | null;
      first_started_at: Date | null;
      last_ended_at: Date | null;
    }[]
  >`
    SELECT COUNT(*)::int AS records,
           SUM(facility_energy_kwh)::float8 AS facility_kwh,
           SUM(it_energy_kwh)::float8 AS it_kwh,
           SUM(location_kg_co2e)::float8 AS location_kg,
           SUM(market_kg_co2e)::float8 AS market_kg,
           SUM(embodied_kg_co2e)::float8 AS embodied_kg,
           SUM(water_onsite_l)::float8 AS water_onsite_l,
           SUM(water_offsite_l)::float8 AS water_offsite_l,
           SUM(CASE WHEN is_measured THEN it_energy_kwh ELSE 0 END)::float8 AS measured_it_kwh,
           MIN(started_at) AS first_started_at,
           MAX(ended_at) AS last_ended_at
      FROM usage_record
     WHERE org_id = ${ctx.orgId}::uuid AND started_at >= ${range.from} AND started_at < ${range.to}`;
  const it = row?.it_kwh ?? 0;
  return {
    records: row?.records ?? 0,
    facilityEnergyKwh: row?.facility_kwh ?? 0,
    itEnergyKwh: it,
    locationKgCo2e: row?.location_kg ?? 0,
    marketKgCo2e: row?.market_kg ?? 0,
    embodiedKgCo2e: row?.embodied_kg ?? 0,
    waterOnsiteL: row?.water_onsite_l ?? 0,
    waterOffsiteL: row?.water_offsite_l ?? 0,
    measuredEnergyShare: it > 0 ? (row?.measured_it_kwh ?? 0) / it : 0,
    firstStartedAt: row?.first_started_at ?? null,
    lastEndedAt: row?.last_ended_at ?? null,
  };
}

/** The span of the organisation's data (null when it has none): the dashboard's default range. */
export async function getDataSpan(ctx: { orgId: string }): Promise<TDateRange | null> {
  const span = await getPrisma().usageRecord.aggregate({
    where: { orgId: ctx.orgId },
    _min: { startedAt: true },
    _max: { startedAt: true },
  });
  if (!span._min.startedAt || !span._max.startedAt) {
    return null;
  }
  return { from: span._min.startedAt, to: new Date(span._max.startedAt.getTime() + 1) };
}
