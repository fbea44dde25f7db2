import 'server-only';
import type { TCalendarPeriod } from '@/lib/emissions/calendar-periods';
import { aiServiceLabel } from '@/lib/format/labels';
import { scopePlacement } from '@/lib/reports/aggregate-records';
import type { TAiServiceUsage } from '@/lib/reports/build-ai-service-table';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { filteredRecordsSql } from '../dashboard/dashboard-where';
import { aiServiceNames } from '../usage/ai-service-options';

/**
 * Usage per third-party AI service over a report period (section 5 "By AI service", issue #21): every record of the
 * organisation naming a service, apportioned by its time share inside the period (`w`), as the per-model token table
 * reads them. Read from usage_record because the rollups keep one token count, not the input/output split. Grouped
 * by service and provider so that `scopePlacement` (the one rule behind Table C) keeps only the Cat 1 AI-services
 * part: on-premise or company-device records naming a service are Scope 2 and sold products Cat 11. Every phase is
 * read (no phase filter), so the rows always add up to Table C's AI-services row; the scan is the one the per-model
 * token table already makes (the organisation's records starting before the period end).
 */
const NO_FILTERS = parseDashboardFilters(new URLSearchParams());

export async function findAiServiceUsage(
  ctx: { orgId: string },
  period: TCalendarPeriod,
): Promise<TAiServiceUsage[]> {
  const range = { from: period.start, to: period.end, timeZone: period.timeZone };
  const rows = await queryRows<{
    service: string;
    provider: string | null;
    requests: number;
    input_tokens: number;
    output_tokens: number;
    energy: number;
    location: number;
    market: number;
    water_onsite: number;
    water_offsite: number;
  }>(
    getPrisma(),
    sql`
    SELECT r.ai_service AS service, r.provider::text AS provider,
           SUM(COALESCE(r.requests, 0) * r.w)::float8 AS requests,
           SUM(COALESCE(r.input_tokens, 0) * r.w)::float8 AS input_tokens,
           SUM(COALESCE(r.output_tokens, 0) * r.w)::float8 AS output_tokens,
           SUM(r.facility_energy_kwh * r.w)::float8 AS energy,
           SUM(r.location_kg_co2e * r.w)::float8 AS location,
           SUM(r.market_kg_co2e * r.w)::float8 AS market,
           SUM(r.water_onsite_l * r.w)::float8 AS water_onsite,
           SUM(r.water_offsite_l * r.w)::float8 AS water_offsite
      FROM ${filteredRecordsSql(ctx, NO_FILTERS, range)} r
     WHERE r.ai_service IS NOT NULL
     GROUP BY 1, 2`,
  );
  const names = aiServiceNames();
  const byService = new Map<string, TAiServiceUsage>();
  for (const r of rows) {
    if (scopePlacement({ provider: r.provider, aiService: r.service }) !== 'aiServices') {
      continue;
    }
    const u = byService.get(r.service) ?? {
      service: r.service,
      label: aiServiceLabel(r.service, names),
      requests: 0,
      inputTokens: 0,
      outputTokens: 0,
      facilityEnergyKwh: 0,
      locationKgCo2e: 0,
      marketKgCo2e: 0,
      waterOnsiteL: 0,
      waterOffsiteL: 0,
    };
    u.requests += r.requests;
    u.inputTokens += r.input_tokens;
    u.outputTokens += r.output_tokens;
    u.facilityEnergyKwh += r.energy;
    u.locationKgCo2e += r.location;
    u.marketKgCo2e += r.market;
    u.waterOnsiteL += r.water_onsite;
    u.waterOffsiteL += r.water_offsite;
    byService.set(r.service, u);
  }
  // SQL groups come in no defined order: by service code, so both report read paths give the same array.
  return [...byService.values()].sort((a, b) => a.service.localeCompare(b.service));
}
