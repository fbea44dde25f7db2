import 'server-only';
import { getPrisma } from '@/lib/server/db/prisma';
import { emptySql, queryRows, type Sql, sql } from '@/lib/server/db/sql';
import type { TBurnDay } from '@/lib/targets/burn-down';
import type { TEmissionsBasis, TWindowSums } from '@/lib/targets/target-metric';
import { timeShareSql } from '../dashboard/dashboard-where';

/** A named half-open window [start, end). */
export interface TSumWindow {
  key: string;
  start: Date;
  end: Date;
}

const EMPTY: TWindowSums = {
  records: 0,
  locationKgCo2e: 0,
  marketKgCo2e: 0,
  requestLocationKgCo2e: 0,
  requestMarketKgCo2e: 0,
  requests: 0,
};

function teamClause(teamId: string | null): Sql {
  return teamId ? sql`AND r.team_id = ${teamId}::uuid` : emptySql;
}

/** Records overlapping [w.lo, w.hi) of the organisation (the dashboard's overlap rule, lib/server/dashboard/dashboard-where.ts). */
function overlapSql(ctx: { orgId: string }, teamId: string | null): Sql {
  return sql`r.org_id = ${ctx.orgId}::uuid AND r.started_at < w.hi
      AND (r.ended_at > w.lo OR (r.ended_at <= r.started_at AND r.started_at >= w.lo)) ${teamClause(teamId)}`;
}

/**
 * Sums (kg CO2e both bases, requests) of the organisation's records, or one team's, in each window. Records
 * straddling a window edge count by time share, as on the dashboard and in the quarterly report, so a quarter's
 * figure here equals the report's figure for the same period.
 */
export async function sumEmissionsInWindows(
  ctx: { orgId: string },
  windows: readonly TSumWindow[],
  teamId: string | null,
): Promise<Map<string, TWindowSums>> {
  const out = new Map<string, TWindowSums>();
  if (windows.length === 0) {
    return out;
  }
  const share = timeShareSql(sql`w.lo`, sql`w.hi`);
  const rows = await queryRows<TWindowSums & { key: string }>(
    getPrisma(),
    sql`
    SELECT w.key,
           COUNT(r.id)::int AS records,
           COALESCE(SUM(r.location_kg_co2e * ${share}), 0)::float8 AS "locationKgCo2e",
           COALESCE(SUM(r.market_kg_co2e * ${share}), 0)::float8 AS "marketKgCo2e",
           COALESCE(SUM(CASE WHEN r.requests > 0 THEN r.location_kg_co2e * ${share} END), 0)::float8
             AS "requestLocationKgCo2e",
           COALESCE(SUM(CASE WHEN r.requests > 0 THEN r.market_kg_co2e * ${share} END), 0)::float8
             AS "requestMarketKgCo2e",
           COALESCE(SUM(CASE WHEN r.requests > 0 THEN r.requests * ${share} END), 0)::float8 AS requests
      FROM unnest(${windows.map((w) => w.key)}::text[], ${windows.map((w) => w.start)}::timestamptz[],
                  ${windows.map((w) => w.end)}::timestamptz[]) AS w(key, lo, hi)
      LEFT JOIN usage_record r ON ${overlapSql(ctx, teamId)}
     GROUP BY w.key`,
  );
  for (const w of windows) {
    out.set(w.key, rows.find((r) => r.key === w.key) ?? EMPTY);
  }
  return out;
}

/**
 * kg CO2e per local day of [start, end) in `timeZone` for one team on one basis (time-share apportioned), every
 * day present (zero when empty), for the burn-down chart.
 */
export async function findDailyEmissions(
  ctx: { orgId: string },
  input: { start: Date; end: Date; timeZone: string; teamId: string; basis: TEmissionsBasis },
): Promise<TBurnDay[]> {
  const column = input.basis === 'location' ? sql`r.location_kg_co2e` : sql`r.market_kg_co2e`;
  const share = timeShareSql(sql`w.lo`, sql`w.hi`);
  const rows = await queryRows<{ day: string; lo: Date; hi: Date; kg: number }>(
    getPrisma(),
    sql`
    WITH w AS (
      SELECT to_char(d, 'YYYY-MM-DD') AS day,
             (d AT TIME ZONE ${input.timeZone}) AS lo,
             ((d + interval '1 day') AT TIME ZONE ${input.timeZone}) AS hi
        FROM generate_series((${input.start}::timestamptz AT TIME ZONE ${input.timeZone}),
                             (${input.end}::timestamptz AT TIME ZONE ${input.timeZone}) - interval '1 day',
                             interval '1 day') AS d)
    SELECT w.day, w.lo, w.hi, COALESCE(SUM(${column} * ${share}), 0)::float8 AS kg
      FROM w LEFT JOIN usage_record r ON ${overlapSql(ctx, input.teamId)}
     GROUP BY w.day, w.lo, w.hi
     ORDER BY w.lo`,
  );
  return rows.map((r) => ({ day: r.day, start: r.lo, end: r.hi, kgCo2e: r.kg }));
}

/** The organisation's IANA time zone (periods are calendar quarters and years there). */
export async function getOrgTimeZone(ctx: { orgId: string }): Promise<string> {
  const org = await getPrisma().organization.findUnique({
    where: { id: ctx.orgId },
    select: { timeZone: true },
  });
  return org?.timeZone ?? 'UTC';
}
