import 'server-only';
import type { TDateRange } from '@/lib/dashboard/date-range';
import type { TScopeSplit } from '@/lib/dashboard/scope-split';
import { EDGE_AI_SERVICE } from '@/lib/emissions/ai-services/edge-ai-service';
import { hardwareFiguresInPeriod } from '@/lib/hardware/hardware-embodied';
import { OWNED_PROVIDERS, type TScopePlacement } from '@/lib/reports/aggregate-records';
import { FILTER_DIMENSIONS, type TDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { planRollupRead, type TRollupCtx } from '../rollups/rollup-plan';
import { findHardwareAssets } from '../usage/hardware-assets';
import { filteredSourceSql } from './dashboard-where';

interface TScopeRowSql {
  placement: TScopePlacement;
  location: number | null;
  market: number | null;
}

/**
 * The filtered range split by scope as the report places it (`scopePlacement` in lib/reports/aggregate-records.ts:
 * owned providers → Scope 2; every other provider or none → Scope 3 Cat 1, as AI services when the record names
 * one and as cloud compute otherwise; inference in sold products → Scope 3 Cat 11), time-shared like every overview figure, plus Scope 3 Cat 2 from the
 * hardware register (only without dimension filters: assets have no team).
 */
export async function getScopeSplit(
  ctx: TRollupCtx,
  filters: TDashboardFilters,
  range: TDateRange,
): Promise<TScopeSplit> {
  const days = await planRollupRead(ctx, range);
  // The SQL twin of `scopePlacement` (sold products first, then owned wins over a service name).
  const placement = sql`CASE WHEN r.ai_service = ${EDGE_AI_SERVICE.shipped} THEN 'soldProducts'
      WHEN COALESCE(r.provider::text, '') = ANY(${[...OWNED_PROVIDERS]}::text[]) THEN 'owned'
      WHEN r.ai_service IS NOT NULL THEN 'aiServices' ELSE 'cloudCompute' END`;
  const unfiltered = FILTER_DIMENSIONS.every((d) => filters[d].length === 0);
  const [rows, assets] = await Promise.all([
    queryRows<TScopeRowSql>(
      getPrisma(),
      sql`
      SELECT ${placement} AS placement,
             SUM(r.location_kg_co2e * r.w)::float8 AS location,
             SUM(r.market_kg_co2e * r.w)::float8 AS market
        FROM ${filteredSourceSql(ctx, filters, range, days, { months: true })} r
       GROUP BY 1`,
    ),
    unfiltered ? findHardwareAssets(ctx) : Promise.resolve(null),
  ]);
  const pick = (placement: TScopePlacement) => rows.find((r) => r.placement === placement);
  return {
    scope2LocationKgCo2e: pick('owned')?.location ?? 0,
    scope2MarketKgCo2e: pick('owned')?.market ?? 0,
    cat1CloudLocationKgCo2e: pick('cloudCompute')?.location ?? 0,
    cat1CloudMarketKgCo2e: pick('cloudCompute')?.market ?? 0,
    cat1AiServicesLocationKgCo2e: pick('aiServices')?.location ?? 0,
    cat1AiServicesMarketKgCo2e: pick('aiServices')?.market ?? 0,
    cat11SoldProductsLocationKgCo2e: pick('soldProducts')?.location ?? 0,
    cat11SoldProductsMarketKgCo2e: pick('soldProducts')?.market ?? 0,
    cat2HardwareKgCo2e: assets ? hardwareFiguresInPeriod(assets, range.from, range.to).cat2KgCo2e : null,
  };
}
