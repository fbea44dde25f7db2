import 'server-only';
import type { TDateRange } from '@/lib/dashboard/date-range';
import type { TDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { planRollupRead, type TRollupCtx } from '../rollups/rollup-plan';
import { filteredSourceSql } from './dashboard-where';

/** The KPI metrics, each apportioned to the range by time share. Units in the names. */
export const KPI_METRICS = [
  'facilityEnergyKwh',
  'locationKgCo2e',
  'marketKgCo2e',
  'embodiedKgCo2e',
  'waterL',
] as const;
export type TKpiMetric = (typeof KPI_METRICS)[number];

export interface TDashboardTotals {
  /** Records overlapping the range (whole records, not apportioned). */
  records: number;
  values: Record<TKpiMetric, number>;
  /** Part of each value that comes from metered records (is_measured). */
  measured: Record<TKpiMetric, number>;
  /** IT energy (kWh) and its metered part: the measured share (`measuredShare`, lib/emissions/measured-share.ts). */
  itEnergyKwh: number;
  measuredItEnergyKwh: number;
  requests: number;
  tokens: number;
}

interface TTotalsRow {
  it: number | null;
  m_it: number | null;
  records: number;
  facility: number | null;
  location: number | null;
  market: number | null;
  embodied: number | null;
  water: number | null;
  m_facility: number | null;
  m_location: number | null;
  m_market: number | null;
  m_embodied: number | null;
  m_water: number | null;
  requests: number | null;
  tokens: number | null;
}

/** Totals over the filtered records (kWh, kg CO2e, L), with the measured part of each. */
export async function getDashboardTotals(
  ctx: TRollupCtx,
  filters: TDashboardFilters,
  range: TDateRange,
): Promise<TDashboardTotals> {
  const days = await planRollupRead(ctx, range);
  const [row] = await queryRows<TTotalsRow>(
    getPrisma(),
    sql`
    SELECT COALESCE(SUM(r.n), 0)::int AS records,
           SUM(r.it_energy_kwh * r.w)::float8 AS it,
           SUM(r.it_energy_kwh * r.w) FILTER (WHERE r.is_measured)::float8 AS m_it,
           SUM(r.facility_energy_kwh * r.w)::float8 AS facility,
           SUM(r.location_kg_co2e * r.w)::float8 AS location,
           SUM(r.market_kg_co2e * r.w)::float8 AS market,
           SUM(r.embodied_kg_co2e * r.w)::float8 AS embodied,
           SUM((r.water_onsite_l + r.water_offsite_l) * r.w)::float8 AS water,
           SUM(r.facility_energy_kwh * r.w) FILTER (WHERE r.is_measured)::float8 AS m_facility,
           SUM(r.location_kg_co2e * r.w) FILTER (WHERE r.is_measured)::float8 AS m_location,
           SUM(r.market_kg_co2e * r.w) FILTER (WHERE r.is_measured)::float8 AS m_market,
           SUM(r.embodied_kg_co2e * r.w) FILTER (WHERE r.is_measured)::float8 AS m_embodied,
           SUM((r.water_onsite_l + r.water_offsite_l) * r.w) FILTER (WHERE r.is_measured)::float8 AS m_water,
           SUM(COALESCE(r.requests, 0) * r.w)::float8 AS requests,
           SUM(COALESCE(r.tokens, 0) * r.w)::float8 AS tokens
      FROM ${filteredSourceSql(ctx, filters, range, days, { months: true })} r`,
  );
  return {
    records: row?.records ?? 0,
    values: {
      facilityEnergyKwh: row?.facility ?? 0,
      locationKgCo2e: row?.location ?? 0,
      marketKgCo2e: row?.market ?? 0,
      embodiedKgCo2e: row?.embodied ?? 0,
      waterL: row?.water ?? 0,
    },
    measured: {
      facilityEnergyKwh: row?.m_facility ?? 0,
      locationKgCo2e: row?.m_location ?? 0,
      marketKgCo2e: row?.m_market ?? 0,
      embodiedKgCo2e: row?.m_embodied ?? 0,
      waterL: row?.m_water ?? 0,
    },
    itEnergyKwh: row?.it ?? 0,
    measuredItEnergyKwh: row?.m_it ?? 0,
    requests: row?.requests ?? 0,
    tokens: row?.tokens ?? 0,
  };
}
