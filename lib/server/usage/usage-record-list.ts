import 'server-only';
import type { TDateRange } from '@/lib/dashboard/date-range';
import type { TRecordListRow } from '@/lib/dashboard/record-csv';
import type { TDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { RECORDS_PAGE_SIZE, type TRecordSort, type TRecordsQuery } from '@/lib/schemas/records-query';
import { getPrisma } from '@/lib/server/db/prisma';
import { emptySql, queryRows, type Sql, sql } from '@/lib/server/db/sql';
import { dashboardWhereSql } from '../dashboard/dashboard-where';

export type { TRecordListRow };

const SORT_SQL: Record<TRecordSort, Sql> = {
  started_at: sql`r.started_at`,
  location_kg_co2e: sql`r.location_kg_co2e`,
  market_kg_co2e: sql`r.market_kg_co2e`,
  facility_energy_kwh: sql`r.facility_energy_kwh`,
  model: sql`r.model`,
  phase: sql`r.phase`,
};

const SELECT = sql`SELECT r.id::text AS id, r.external_id AS "externalId", r.phase::text AS phase,
    r.started_at AS "startedAt", r.ended_at AS "endedAt", t.name AS team, p.name AS project, r.model,
    r.provider::text AS provider, r.region, r.accelerator, r.facility_energy_kwh AS "facilityEnergyKwh",
    r.location_kg_co2e AS "locationKgCo2e", r.market_kg_co2e AS "marketKgCo2e", r.embodied_kg_co2e AS "embodiedKgCo2e",
    (r.water_onsite_l + r.water_offsite_l) AS "waterL", r.is_measured AS "isMeasured",
    r.ai_service AS "aiService"
  FROM usage_record r LEFT JOIN team t ON t.id = r.team_id LEFT JOIN project p ON p.id = r.project_id`;

/** Whole-record sums over every record matching the filters (not only the page): the table's totals row. */
export interface TRecordListTotals {
  facilityEnergyKwh: number;
  locationKgCo2e: number;
  marketKgCo2e: number;
}

/** One page (offset pagination, 50 rows) of the filtered records, plus the total count and sums. */
export async function findUsageRecordsPage(
  ctx: { orgId: string },
  filters: TDashboardFilters,
  range: TDateRange,
  query: TRecordsQuery,
): Promise<{ rows: TRecordListRow[]; total: number; totals: TRecordListTotals }> {
  const byUpload = query.upload ? sql`AND r.upload_id = ${query.upload}::uuid` : emptySql;
  const where = sql`${dashboardWhereSql(ctx, filters, range)} ${byUpload}`;
  const direction = query.dir === 'asc' ? sql`ASC NULLS FIRST` : sql`DESC NULLS LAST`;
  const [rows, count] = await Promise.all([
    queryRows<TRecordListRow>(
      getPrisma(),
      sql`${SELECT} WHERE ${where}
      ORDER BY ${SORT_SQL[query.sort]} ${direction}, r.id ${query.dir === 'asc' ? sql`ASC` : sql`DESC`}
      LIMIT ${RECORDS_PAGE_SIZE} OFFSET ${(query.page - 1) * RECORDS_PAGE_SIZE}`,
    ),
    queryRows<{ total: number } & TRecordListTotals>(
      getPrisma(),
      sql`SELECT COUNT(*)::int AS total,
          COALESCE(SUM(r.facility_energy_kwh), 0)::float8 AS "facilityEnergyKwh",
          COALESCE(SUM(r.location_kg_co2e), 0)::float8 AS "locationKgCo2e",
          COALESCE(SUM(r.market_kg_co2e), 0)::float8 AS "marketKgCo2e"
        FROM usage_record r WHERE ${where}`,
    ),
  ]);
  const first = count[0];
  return {
    rows,
    total: first?.total ?? 0,
    totals: {
      facilityEnergyKwh: first?.facilityEnergyKwh ?? 0,
      locationKgCo2e: first?.locationKgCo2e ?? 0,
      marketKgCo2e: first?.marketKgCo2e ?? 0,
    },
  };
}

/** Up to `limit` filtered records after the keyset `after` (started_at, id ascending): the API's cursor pages. */
export async function findUsageRecordsAfter(
  ctx: { orgId: string },
  filters: TDashboardFilters,
  range: TDateRange,
  after: { startedAt: Date; id: string } | null,
  limit: number,
): Promise<TRecordListRow[]> {
  const keyset: Sql = after
    ? sql`AND (r.started_at, r.id) > (${after.startedAt}::timestamptz, ${after.id}::uuid)`
    : emptySql;
  return queryRows<TRecordListRow>(
    getPrisma(),
    sql`${SELECT} WHERE ${dashboardWhereSql(ctx, filters, range)} ${keyset}
      ORDER BY r.started_at, r.id LIMIT ${limit}`,
  );
}

/**
 * Every filtered record in batches (keyset on started_at, id, so memory stays flat for large exports).
 */
export async function* iterateUsageRecords(
  ctx: { orgId: string },
  filters: TDashboardFilters,
  range: TDateRange,
  batchSize = 1000,
): AsyncGenerator<TRecordListRow[]> {
  let after: { startedAt: Date; id: string } | null = null;
  for (;;) {
    const rows: TRecordListRow[] = await findUsageRecordsAfter(ctx, filters, range, after, batchSize);
    if (rows.length === 0) {
      return;
    }
    yield rows;
    const last = rows[rows.length - 1] as TRecordListRow;
    after = { startedAt: last.startedAt, id: last.id };
    if (rows.length < batchSize) {
      return;
    }
  }
}
