import type { TCalendarPeriod } from '@/lib/emissions/calendar-periods';
import {
  addToScopes,
  breakdownProviderKey,
  emptyScopeTotals,
  emptyTotals,
  scopePlacement,
  sortedBreakdown,
} from './aggregate-records';
import type { TPeriodAggregates, TPeriodTotals, TScopeTotals } from './aggregate-types';

/**
 * The report's additive figures from monthly sums of the daily rollups (lib/server/reports/quarter-aggregates-rollups.ts)
 * instead of record by record (aggregate-records.ts): the same numbers, because rollup rows are already split
 * by local day with the same time-share rule. Records touching a period = records starting in its months +
 * records running into its first day (`carryFirst` of the first month).
 */

/** Sum columns of a rollup group; the names match TPeriodTotals. */
export const ROLLUP_SUM_FIELDS = [
  'recordShare',
  'itEnergyKwh',
  'facilityEnergyKwh',
  'locationKgCo2e',
  'marketKgCo2e',
  'marketMatchedKwh',
  'embodiedKgCo2e',
  'waterOnsiteL',
  'waterOffsiteL',
  'uncertaintyLowKgCo2e',
  'uncertaintyHighKgCo2e',
  'deviceHours',
  'requests',
  'requestLocationKgCo2e',
  'requestEmbodiedKgCo2e',
  'tokens',
  'tokenLocationKgCo2e',
  'tokenEmbodiedKgCo2e',
] as const;
export type TRollupSumField = (typeof ROLLUP_SUM_FIELDS)[number];

/** One local month × dimensions of rollup sums. */
export type TRollupMonthRow = Record<TRollupSumField, number> & {
  /** YYYY-MM in the organisation's time zone. */
  month: string;
  provider: string | null;
  region: string | null;
  gridZone: string | null;
  phase: string;
  model: string | null;
  /** Team name, null when unassigned. */
  team: string | null;
  /** Third-party AI service (rollup dimension `ai_service`); null for compute. */
  aiService: string | null;
  isMeasured: boolean;
  /** Records starting in the month. */
  starts: number;
  /** Records started earlier still running into the month's first day. */
  carryFirst: number;
};

/** The local months (YYYY-MM) of a report period; "YTD …" periods run from January to the period's end. */
export function periodMonthKeys(period: TCalendarPeriod): string[] {
  const ytd = period.key.startsWith('YTD ');
  const lastMonth = period.quarter === null ? 12 : period.quarter * 3;
  const firstMonth = ytd || period.quarter === null ? 1 : lastMonth - 2;
  const keys: string[] = [];
  for (let m = firstMonth; m <= lastMonth; m += 1) {
    keys.push(`${period.year}-${String(m).padStart(2, '0')}`);
  }
  return keys;
}

function addRow(t: TPeriodTotals, row: TRollupMonthRow, firstMonth: string): void {
  t.records += row.starts + (row.month === firstMonth ? row.carryFirst : 0);
  for (const field of ROLLUP_SUM_FIELDS) {
    t[field] += row[field];
  }
  t.measuredItEnergyKwh += row.isMeasured ? row.itEnergyKwh : 0;
}

function rowsIn(rows: readonly TRollupMonthRow[], period: TCalendarPeriod) {
  const months = periodMonthKeys(period);
  const set = new Set(months);
  return { inside: rows.filter((r) => set.has(r.month)), first: months[0] ?? '' };
}

/** Totals over the period, overall and per scope placement. */
export function scopeTotalsFromRollups(
  rows: readonly TRollupMonthRow[],
  period: TCalendarPeriod,
): TScopeTotals {
  const out = emptyScopeTotals();
  const { inside, first } = rowsIn(rows, period);
  for (const row of inside) {
    addToScopes(out, scopePlacement(row), (t) => addRow(t, row, first));
  }
  return out;
}

/** The additive parts of TPeriodAggregates (totals, scopes, breakdowns, monthly) for `period`. */
export function aggregateRollupMonths(
  rows: readonly TRollupMonthRow[],
  period: TCalendarPeriod,
): Pick<
  TPeriodAggregates,
  | 'totals'
  | 'owned'
  | 'cloud'
  | 'cloudCompute'
  | 'aiServices'
  | 'soldProducts'
  | 'byProvider'
  | 'byRegion'
  | 'byPhase'
  | 'byModel'
  | 'byTeam'
  | 'monthly'
> {
  const scoped = scopeTotalsFromRollups(rows, period);
  const { inside, first } = rowsIn(rows, period);
  const maps = {
    provider: new Map<string, TPeriodTotals>(),
    region: new Map<string, TPeriodTotals>(),
    phase: new Map<string, TPeriodTotals>(),
    model: new Map<string, TPeriodTotals>(),
    team: new Map<string, TPeriodTotals>(),
  };
  const monthly = new Map(periodMonthKeys(period).map((m) => [m, emptyTotals()]));
  const add = (map: Map<string, TPeriodTotals>, key: string, row: TRollupMonthRow) => {
    let t = map.get(key);
    if (!t) {
      t = emptyTotals();
      map.set(key, t);
    }
    addRow(t, row, first);
  };
  for (const row of inside) {
    const provider = breakdownProviderKey(row);
    add(maps.provider, provider, row);
    add(maps.region, `${provider} / ${row.region ?? 'unspecified'} (${row.gridZone ?? 'no zone'})`, row);
    add(maps.phase, row.phase, row);
    add(maps.model, row.model ?? 'unspecified', row);
    add(maps.team, row.team ?? 'unassigned', row);
    const month = monthly.get(row.month);
    if (month) {
      addRow(month, row, row.month);
    }
  }
  return {
    ...scoped,
    byProvider: sortedBreakdown(maps.provider),
    byRegion: sortedBreakdown(maps.region),
    byPhase: sortedBreakdown(maps.phase),
    byModel: sortedBreakdown(maps.model),
    byTeam: sortedBreakdown(maps.team),
    monthly: [...monthly.entries()].map(([month, totals]) => ({ month, totals })),
  };
}
