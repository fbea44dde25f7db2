import 'server-only';
import { parsePeriodKey, type TCalendarPeriod } from '@/lib/emissions/calendar-periods';
import type { MarketAllocation } from '@/lib/emissions/footprint-types';
import { AppError } from '@/lib/errors';
import { hardwareFiguresInPeriod } from '@/lib/hardware/hardware-embodied';
import { aggregateRollupMonths, scopeTotalsFromRollups } from '@/lib/reports/aggregate-rollups';
import type { TQuarterAggregates, TReportRecordRow } from '@/lib/reports/aggregate-types';
import { assembleQuarterAggregates, comparisonStart } from '@/lib/reports/assemble-aggregates';
import { previousPeriod, samePeriodLastYear, yearToDate } from '@/lib/reports/report-period';
import { parseDashboardFilters } from '@/lib/schemas/dashboard-filters';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { findModelTokenIntensity } from '../insights/find-model-token-intensity';
import type { TReadPlan } from '../rollups/rollup-plan';
import { getTargetsReportInput } from '../targets/target-progress';
import { readFactorSets } from '../usage/factor-sets';
import { findHardwareAssets } from '../usage/hardware-assets';
import { findAiServiceUsage } from './find-ai-service-usage';
import { findRollupMonths } from './quarter-aggregates-rollups';
import { findPeriodQuality } from './quarter-quality';

const RECORD_SELECT = {
  id: true,
  startedAt: true,
  endedAt: true,
  phase: true,
  provider: true,
  region: true,
  gridZone: true,
  model: true,
  team: { select: { name: true } },
  aiService: true,
  itEnergyKwh: true,
  facilityEnergyKwh: true,
  locationKgCo2e: true,
  marketKgCo2e: true,
  marketMatchedKwh: true,
  embodiedKgCo2e: true,
  waterOnsiteL: true,
  waterOffsiteL: true,
  uncertaintyLowKgCo2e: true,
  uncertaintyHighKgCo2e: true,
  isMeasured: true,
  deviceHours: true,
  requests: true,
  tokens: true,
  factorSetId: true,
  marketAllocations: true,
} as const;

/**
 * Everything a quarterly (key "2026-Q3") or yearly (key "2026") report needs, for one organisation.
 * Periods are half-open in the organisation's time zone; records straddling a boundary are split by time share,
 * so quarter totals add up to the year and to the sum of records. Report periods are whole local months, which
 * the daily rollups always answer: the additive figures come from them and the per-record quality facts from
 * one aggregate query over the period (memory stays flat at millions of records). With `readPlan: 'raw'`
 * (benchmarks, equivalence tests) every record is read and aggregated in lib/reports/aggregate-records.ts.
 */
export async function getQuarterAggregates(
  ctx: { orgId: string; readPlan?: TReadPlan },
  periodKey: string,
): Promise<TQuarterAggregates> {
  const prisma = getPrisma();
  const org = await prisma.organization.findUnique({
    where: { id: ctx.orgId },
    select: { id: true, name: true, timeZone: true },
  });
  if (!org) {
    throw new AppError('NOT_FOUND', 'Organisation not found.');
  }
  const period = parsePeriodKey(periodKey, org.timeZone);
  if (!period) {
    throw new AppError('INVALID_INPUT', `Invalid report period "${periodKey}" (use 2026-Q3 or 2026).`);
  }
  if (ctx.readPlan !== 'raw') {
    return getQuarterAggregatesFromRollups(ctx, org, period);
  }
  const stored = await prisma.usageRecord.findMany({
    where: { orgId: ctx.orgId, startedAt: { lt: period.end }, endedAt: { gte: comparisonStart(period) } },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    select: RECORD_SELECT,
  });
  // Provenance through the records' factor sets (read once per set, not per record).
  const sets = await readFactorSets(prisma, ctx.orgId, [
    ...new Set(stored.map((r) => String(r.factorSetId))),
  ]);
  const rows: TReportRecordRow[] = stored.map(({ team, factorSetId, marketAllocations, ...r }) => {
    const set = sets.get(String(factorSetId));
    return {
      ...r,
      team: team?.name ?? null,
      methodologyVersion: set?.methodologyVersion ?? '',
      assumptionFlags: set?.assumptionFlags ?? [],
      factorRefs: set?.factors ?? [],
      marketAllocations: Array.isArray(marketAllocations)
        ? (marketAllocations as unknown as MarketAllocation[])
        : [],
    };
  });
  const gridIds = [
    ...new Set(
      rows.flatMap((r) =>
        r.factorRefs.filter((f) => f.kind === 'grid-intensity' || f.kind === 'residual-mix').map((f) => f.id),
      ),
    ),
  ];
  const [context, targets] = await Promise.all([
    findReportContext(ctx, period, gridIds),
    getTargetsReportInput(ctx, period),
  ]);
  const [modelTokenIntensity, aiServiceUsage] = await Promise.all([
    findPeriodTokenIntensity(ctx, period),
    findAiServiceUsage(ctx, period),
  ]);
  return {
    ...assembleQuarterAggregates({ org, period, rows, ...context }),
    targets,
    modelTokenIntensity,
    aiServiceUsage,
  };
}

async function getQuarterAggregatesFromRollups(
  ctx: { orgId: string },
  org: { id: string; name: string; timeZone: string },
  period: TCalendarPeriod,
): Promise<TQuarterAggregates> {
  const [months, quality] = await Promise.all([
    findRollupMonths(ctx, org.timeZone, comparisonStart(period), period.end),
    findPeriodQuality(ctx, period),
  ]);
  const gridIds = quality.factors
    .filter((f) => f.kind === 'grid-intensity' || f.kind === 'residual-mix')
    .map((f) => f.id);
  const [context, targets, modelTokenIntensity, aiServiceUsage] = await Promise.all([
    findReportContext(ctx, period, gridIds),
    getTargetsReportInput(ctx, period),
    findPeriodTokenIntensity(ctx, period),
    findAiServiceUsage(ctx, period),
  ]);
  for (const factor of quality.factors) {
    factor.licence = context.licences.get(factor.id) ?? null;
  }
  const previous = previousPeriod(period);
  const sameLastYear = samePeriodLastYear(period);
  const ytd = yearToDate(period);
  const assets = context.hardwareAssets;
  const hardware = (p: TCalendarPeriod) => ({ hardware: hardwareFiguresInPeriod(assets, p.start, p.end) });
  return {
    ...aggregateRollupMonths(months, period),
    ...quality,
    ...hardware(period),
    org,
    period,
    previous: { period: previous, ...scopeTotalsFromRollups(months, previous), ...hardware(previous) },
    sameLastYear: {
      period: sameLastYear,
      ...scopeTotalsFromRollups(months, sameLastYear),
      ...hardware(sameLastYear),
    },
    yearToDate: { period: ytd, ...scopeTotalsFromRollups(months, ytd), ...hardware(ytd) },
    energyContracts: context.energyContracts,
    restatements: context.restatements,
    hardwareAssets: [...assets],
    targets,
    modelTokenIntensity,
    aiServiceUsage,
  };
}

/** Intensity per 1M tokens per model over the report period, every record of the organisation (no filters). */
function findPeriodTokenIntensity(ctx: { orgId: string }, period: TCalendarPeriod) {
  return findModelTokenIntensity(ctx, parseDashboardFilters(new URLSearchParams()), {
    from: period.start,
    to: period.end,
    timeZone: period.timeZone,
  });
}

/** Licences of the cited grid factors, the period's energy contracts and restatements. */
async function findReportContext(ctx: { orgId: string }, period: TCalendarPeriod, gridIds: string[]) {
  const prisma = getPrisma();
  const [licences, contracts, restatements, hardwareAssets] = await Promise.all([
    prisma.emissionFactor.findMany({
      where: { id: { in: gridIds }, OR: [{ orgId: null }, { orgId: ctx.orgId }] },
      select: { id: true, licence: true },
    }),
    prisma.energyContract.findMany({
      where: { orgId: ctx.orgId, periodStart: { lt: period.end }, periodEnd: { gt: period.start } },
      orderBy: [{ periodStart: 'asc' }, { reference: 'asc' }],
    }),
    prisma.restatementEntry.findMany({
      where: {
        orgId: ctx.orgId,
        record: { orgId: ctx.orgId, startedAt: { lt: period.end }, endedAt: { gte: period.start } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 1000,
      select: {
        field: true,
        oldValue: true,
        newValue: true,
        reason: true,
        createdAt: true,
        record: { select: { externalId: true } },
      },
    }),
    findHardwareAssets(ctx),
  ]);
  return {
    licences: new Map(licences.map((l) => [l.id, l.licence])),
    hardwareAssets,
    energyContracts: contracts.map((c) => ({
      reference: c.reference,
      instrumentType: c.instrumentType,
      marketZone: c.marketZone,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      volumeMwh: c.volumeMwh,
      gCo2ePerKwh: c.gCo2ePerKwh,
      supplier: c.supplier,
    })),
    restatements: restatements.map((r) => ({
      recordExternalId: r.record.externalId,
      field: r.field,
      oldValue: r.oldValue,
      newValue: r.newValue,
      reason: r.reason,
      createdAt: r.createdAt,
    })),
  };
}

/** Quarters (newest first) in which the organisation has records, by local start month. */
export async function listReportQuarters(ctx: { orgId: string }): Promise<string[]> {
  const rows = await queryRows<{ month: string }>(
    getPrisma(),
    sql`
    SELECT DISTINCT to_char(r.started_at AT TIME ZONE o.time_zone, 'YYYY-MM') AS month
      FROM usage_record r JOIN organization o ON o.id = r.org_id
     WHERE r.org_id = ${ctx.orgId}::uuid`,
  );
  const keys = new Set(
    rows.map((r) => `${r.month.slice(0, 4)}-Q${Math.floor((Number(r.month.slice(5, 7)) - 1) / 3) + 1}`),
  );
  return [...keys].sort().reverse();
}
