import 'server-only';
import type { TDateRange } from '@/lib/dashboard/date-range';
import type { TScopeSplit } from '@/lib/dashboard/scope-split';
import { hardwareFiguresInPeriod } from '@/lib/hardware/hardware-embodied';
import { OWNED_PROVIDERS } from '@/lib/reports/aggregate-records';
import { FILTER_DIMENSIONS, type TDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { planRollupRead, type TRollupCtx } from '../rollups/rollup-plan';
import { findHardwareAssets } from '../usage/hardware-assets';
import { filteredSourceSql } from './dashboard-where';

interface TScopeRowSql {
  owned: boolean;
  location: number | null;
  market: number | null;
}

/**
 * The filtered range split by scope as the report places it (owned providers → Scope 2, every other provider or
 * none → Scope 3 Cat 1; `OWNED_PROVIDERS` in lib/reports/aggregate-records.ts), time-shared like every overview
 * figure, plus Scope 3 Cat 2 from the hardware register (only without dimension filters: assets have no team).
 */
export async function getScopeSplit(
  ctx: TRollupCtx,
  filters: TDashboardFilters,
  range: TDateRange,
): Promise<TScopeSplit> {
  const days = await planRollupRead(ctx, range);
  const owned = sql`COALESCE(r.provider::text, '') = ANY(${[...OWNED_PROVIDERS]}::text[])`;
  const unfiltered = FILTER_DIMENSIONS.every((d) => filters[d].length === 0);
  const [rows, assets] = await Promise.all([
    queryRows<TScopeRowSql>(
      getPrisma(),
      sql`
      SELECT ${owned} AS owned,
             SUM(r.location_kg_co2e * r.w)::float8 AS location,
             SUM(r.market_kg_co2e * r.w)::float8 AS market
        FROM ${filteredSourceSql(ctx, filters, range, days, { months: true })} r
       GROUP BY 1`,
    ),
    unfiltered ? findHardwareAssets(ctx) : Promise.resolve(null),
  ]);
  const pick = (isOwned: boolean) => rows.find((r) => r.owned === isOwned);
  return {
    scope2LocationKgCo2e: pick(true)?.location ?? 0,
    scope2MarketKgCo2e: pick(true)?.market ?? 0,
    cat1CloudLocationKgCo2e: pick(false)?.location ?? 0,
    cat1CloudMarketKgCo2e: pick(false)?.market ?? 0,
    cat1AiServicesKgCo2e: 0,
    cat2HardwareKgCo2e: assets ? hardwareFiguresInPeriod(assets, range.from, range.to).cat2KgCo2e : null,
  };
}
