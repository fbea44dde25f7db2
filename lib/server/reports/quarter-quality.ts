import 'server-only';
import type { TCalendarPeriod } from '@/lib/emissions/calendar-periods';
import {
  assemblePeriodQuality,
  firstCitation,
  groupVariants,
  type TPeriodQuality,
  type TQualityVariantRow,
} from '@/lib/reports/quality-rollup';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { rollupDaysFor, type TRollupDays } from '../rollups/rollup-plan';

/**
 * The report's per-record quality facts for one period from usage_quality_daily
 * (prisma/migrations/20261201020000_usage_quality_rollups): one grouped read over the period's local days
 * (~10–100 rows per day) instead of four aggregates over every record of the quarter. Only when a factor or
 * contract was cited with different metadata inside the period does a bounded record look-up decide which
 * variant came first (docs/decisions/scale.md ADR 9).
 */
export async function findPeriodQuality(
  ctx: { orgId: string },
  period: TCalendarPeriod,
): Promise<TPeriodQuality> {
  const days = rollupDaysFor(
    { from: period.start, to: period.end, timeZone: period.timeZone },
    period.timeZone,
  );
  if (!days) {
    throw new Error(`report period ${period.key} is not whole local days in ${period.timeZone}`);
  }
  const rows = await queryRows<TQualityVariantRow>(
    getPrisma(),
    sql`
    SELECT q.fact, q.key, q.detail,
           (SUM(q.record_starts) + COALESCE(SUM(q.record_carry_in) FILTER (WHERE q.day = ${days.fromDay}::date), 0))::int AS records,
           SUM(q.energy_kwh)::float8 AS "energyKwh",
           COALESCE(bool_or(q.day = ${days.fromDay}::date AND q.record_carry_in > 0), false) AS "carriedIn",
           to_char(MIN(q.day) FILTER (WHERE q.record_starts > 0), 'YYYY-MM-DD') AS "firstStartDay"
      FROM usage_quality_daily q
     WHERE q.org_id = ${ctx.orgId}::uuid AND q.day >= ${days.fromDay}::date AND q.day < ${days.toDay}::date
     GROUP BY q.fact, q.key, q.detail
     ORDER BY q.fact, q.key, q.detail`,
  );
  const groups = groupVariants(rows);
  const firstDetail = new Map<TQualityVariantRow[], string>();
  for (const group of groups) {
    const first = firstCitation(group);
    const head = group[0];
    if (first.kind === 'known') {
      firstDetail.set(group, first.detail);
    } else if (head && (head.fact === 'factor' || head.fact === 'contract')) {
      firstDetail.set(group, await lookUpFirstDetail(ctx, period, days, head, first));
    }
  }
  return assemblePeriodQuality(groups, firstDetail);
}

/**
 * Detail of the first citation of `head.key` among the period's records, scanning only the records that can
 * hold it: those starting on `first.day`, or (carry-in) those started before the period no earlier than the
 * first day whose citing records may still run into the period (day end + max duration > period start).
 */
async function lookUpFirstDetail(
  ctx: { orgId: string },
  period: TCalendarPeriod,
  days: TRollupDays,
  head: TQualityVariantRow,
  first: { kind: 'carry-in' } | { kind: 'day'; day: string },
): Promise<string> {
  const tz = days.timeZone;
  const [lo, hi] =
    first.kind === 'day'
      ? [
          sql`(${first.day}::date::timestamp AT TIME ZONE ${tz})`,
          sql`((${first.day}::date + 1)::timestamp AT TIME ZONE ${tz})`,
        ]
      : [
          sql`COALESCE((SELECT MIN(q.day) FROM usage_quality_daily q
              WHERE q.org_id = ${ctx.orgId}::uuid AND q.fact = ${head.fact} AND q.key = ${head.key}
                AND q.day < ${days.fromDay}::date AND q.record_starts > 0
                AND ((q.day + 1)::timestamp AT TIME ZONE ${tz}) + q.max_duration_s * interval '1 second' > ${period.start}
            )::timestamp AT TIME ZONE ${tz}, '-infinity'::timestamptz)`,
          sql`${period.start}::timestamptz`,
        ];
  const cited =
    head.fact === 'factor'
      ? sql`jsonb_array_elements(usage_quality_array(fs.factors)) WITH ORDINALITY AS e(f, ord)
          WHERE COALESCE(e.f->>'id', '') = ${head.key}`
      : sql`jsonb_array_elements(usage_quality_array(r.market_allocations)) WITH ORDINALITY AS e(f, ord)
          WHERE COALESCE(e.f->>'contractId', '') = ${head.key}`;
  const detail =
    head.fact === 'factor' ? sql`usage_quality_factor_detail(e.f)` : sql`usage_quality_contract_detail(e.f)`;
  const found = await queryRows<{ detail: string }>(
    getPrisma(),
    sql`
    SELECT ${detail} AS detail
      FROM usage_record r
      JOIN factor_set fs ON fs.id = r.factor_set_id
      CROSS JOIN LATERAL (SELECT e.f, e.ord FROM ${cited}) e
     WHERE r.org_id = ${ctx.orgId}::uuid AND r.started_at >= ${lo} AND r.started_at < ${hi}
       AND r.started_at < ${period.end}
       AND (r.ended_at > ${period.start} OR (r.ended_at <= r.started_at AND r.started_at >= ${period.start}))
     ORDER BY r.started_at, r.id, e.ord
     LIMIT 1`,
  );
  const hit = found[0];
  if (!hit) {
    throw new Error(`no record cites ${head.fact} ${head.key} in ${period.key}: quality rollups out of date`);
  }
  return hit.detail;
}
