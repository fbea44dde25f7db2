import 'server-only';
import type { TDateRange } from '@/lib/dashboard/date-range';
import { modelTokenIntensities, type TModelTokenIntensity } from '@/lib/insights/model-token-intensity';
import type { TDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { filteredRecordsSql, filteredRollupsSql } from '../dashboard/dashboard-where';
import { getLlmModelRepository } from '../factors/llm-model-repository-cache';
import { planRollupRead, type TRollupCtx } from '../rollups/rollup-plan';

/** One (model, service) group's sums: tokens, output tokens, kWh, kg CO2e (location, market), L. */
interface TTokenSums {
  model: string;
  service: string | null;
  tokens: number;
  output_tokens: number;
  energy: number;
  location: number;
  market: number;
  water: number;
}

/**
 * Intensity per 1M tokens per model over a range (issue #21): the inference records with tokens, AI services and
 * self-hosted alike, each apportioned by its time share inside the range. Read from the rollups when the range is
 * whole local days (their token_* columns hold exactly these records' quantities, already split by local day;
 * whole months from usage_rollup_monthly), else from usage_record with `w` (same figures, scans every record up to
 * the range end). docs/decisions/ai-services.md AS46.
 */
export async function findModelTokenIntensity(
  ctx: TRollupCtx,
  filters: TDashboardFilters,
  range: TDateRange,
): Promise<TModelTokenIntensity[]> {
  if (filters.phase.length > 0 && !filters.phase.includes('inference')) {
    return [];
  }
  // Narrow the scan to inference inside the filtered subquery (the outer WHERE alone would compute w for all).
  const inference = { ...filters, phase: ['inference' as const] };
  const days = await planRollupRead(ctx, range);
  const rows = await queryRows<TTokenSums>(
    getPrisma(),
    days
      ? // token_* = quantities of the rollup's records with tokens > 0; rows without such records add zeros.
        sql`
    SELECT r.model, r.ai_service AS service,
           SUM(r.tokens)::float8 AS tokens,
           SUM(r.output_tokens)::float8 AS output_tokens,
           SUM(r.token_facility_energy_kwh)::float8 AS energy,
           SUM(r.token_location_kg_co2e)::float8 AS location,
           SUM(r.token_market_kg_co2e)::float8 AS market,
           SUM(r.token_water_l)::float8 AS water
      FROM ${filteredRollupsSql(ctx, inference, days, { months: true })} r
     WHERE r.model IS NOT NULL
     GROUP BY 1, 2
    HAVING SUM(r.tokens) > 0`
      : sql`
    SELECT r.model, r.ai_service AS service,
           SUM(r.tokens * r.w)::float8 AS tokens,
           SUM(COALESCE(r.output_tokens, 0) * r.w)::float8 AS output_tokens,
           SUM(r.facility_energy_kwh * r.w)::float8 AS energy,
           SUM(r.location_kg_co2e * r.w)::float8 AS location,
           SUM(r.market_kg_co2e * r.w)::float8 AS market,
           SUM((r.water_onsite_l + r.water_offsite_l) * r.w)::float8 AS water
      FROM ${filteredRecordsSql(ctx, inference, range)} r
     WHERE r.model IS NOT NULL AND r.tokens > 0
     GROUP BY 1, 2`,
  );
  const services = getLlmModelRepository().serviceProviders;
  return modelTokenIntensities(
    rows.map((r) => ({
      model: r.model,
      service: r.service,
      ...(r.service !== null ? { serviceLabel: services.get(r.service)?.label ?? 'Other AI service' } : {}),
      tokens: r.tokens,
      outputTokens: r.output_tokens,
      energyKwh: r.energy,
      locationKgCo2e: r.location,
      marketKgCo2e: r.market,
      waterL: r.water,
    })),
  );
}
