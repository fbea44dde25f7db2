import type { TEnergyContractInPeriod } from '@/lib/reports/aggregate-types';

// How much of each energy contract the market-based allocation used, month by month, and when it ran out.
// Pure: the caller passes the contract and its daily allocated energy (usage_quality_daily, fact 'contract': the
// allocated kWh of every record split over its days by time share, kept exact by triggers), in the organisation's
// local days. The allocation itself (lib/emissions/market-based.ts) matches records in order of start time, so a
// contract is consumed from its first covered record onwards until its volume is gone.

/** A contract's terms as the report lists them (periodStart inclusive, periodEnd exclusive). */
export type TContractTerms = Pick<
  TEnergyContractInPeriod,
  'reference' | 'instrumentType' | 'marketZone' | 'periodStart' | 'periodEnd' | 'volumeMwh'
>;

/** Allocated facility energy of one contract on one local day ("2026-03-10"). */
export interface TAllocationDay {
  day: string;
  energyKwh: number;
}

export interface TCoverageMonth {
  /** "2026-03" */
  month: string;
  allocatedKwh: number;
  /** Allocated from the first month up to and including this one. */
  cumulativeKwh: number;
  /** Volume left after this month (never negative). */
  remainingKwh: number;
}

export type TCoverageStatus = 'used-up' | 'in-use' | 'expired-with-remainder' | 'unused';

export interface TContractCoverage {
  months: TCoverageMonth[];
  volumeKwh: number;
  allocatedKwh: number;
  remainingKwh: number;
  /** Share of the volume allocated, 0–1. */
  usedShare: number;
  /** First and last local day with allocated energy; null when nothing was allocated. */
  firstDay: string | null;
  lastDay: string | null;
  /** The last day with allocated energy when the whole volume is allocated (the day it ran out), else null. */
  usedUpOn: string | null;
  status: TCoverageStatus;
}

/**
 * Volume counts as used up when less than a millionth of it (and under 1 Wh) is left: the daily rollup sums
 * allocated kWh × day share, so the total differs from the allocation's exact volume only by float rounding.
 */
const isUsedUp = (remainingKwh: number, volumeKwh: number) =>
  remainingKwh <= Math.max(volumeKwh * 1e-6, 0.001);

/** `asOf` is an instant (now): a contract whose period ended before it with volume left is "expired". */
export function contractCoverage(
  terms: TContractTerms,
  days: readonly TAllocationDay[],
  asOf: Date,
): TContractCoverage {
  const volumeKwh = terms.volumeMwh * 1000;
  const byMonth = new Map<string, number>();
  const allocatedDays = days.filter((d) => d.energyKwh > 0).sort((a, b) => a.day.localeCompare(b.day));
  for (const d of allocatedDays) {
    const month = d.day.slice(0, 7);
    byMonth.set(month, (byMonth.get(month) ?? 0) + d.energyKwh);
  }
  let cumulativeKwh = 0;
  const months = [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, allocatedKwh]) => {
      cumulativeKwh += allocatedKwh;
      const left = Math.max(0, volumeKwh - cumulativeKwh);
      return { month, allocatedKwh, cumulativeKwh, remainingKwh: isUsedUp(left, volumeKwh) ? 0 : left };
    });
  const allocatedKwh = cumulativeKwh;
  const remainingKwh = Math.max(0, volumeKwh - allocatedKwh);
  const firstDay = allocatedDays[0]?.day ?? null;
  const lastDay = allocatedDays.at(-1)?.day ?? null;
  const usedUp = allocatedKwh > 0 && isUsedUp(remainingKwh, volumeKwh);
  const ended = terms.periodEnd.getTime() <= asOf.getTime();
  const status: TCoverageStatus = usedUp
    ? 'used-up'
    : allocatedKwh === 0 && ended
      ? 'unused'
      : ended
        ? 'expired-with-remainder'
        : 'in-use';
  return {
    months,
    volumeKwh,
    allocatedKwh,
    remainingKwh: usedUp ? 0 : remainingKwh,
    usedShare: volumeKwh > 0 ? Math.min(1, allocatedKwh / volumeKwh) : 0,
    firstDay,
    lastDay,
    usedUpOn: usedUp ? lastDay : null,
    status,
  };
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03" → "Mar 2026". */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTH_NAMES[Number(m) - 1] ?? m} ${year}`;
}

/** "Jan–Aug 2026", "Nov 2025–Feb 2026" or "Mar 2026" for the first and last covered days. */
export function coveredSpan(firstDay: string, lastDay: string): string {
  const from = monthLabel(firstDay.slice(0, 7));
  const to = monthLabel(lastDay.slice(0, 7));
  if (from === to) {
    return from;
  }
  const [fromMonth, fromYear] = from.split(' ');
  return fromYear === lastDay.slice(0, 4) ? `${fromMonth}–${to}` : `${from}–${to}`;
}

/**
 * One sentence for the market-based trend: "PPA PPA-2026-01 (FR) covered Jan–Aug 2026 and was used up on
 * 2026-08-14", "… has covered Jan–Mar 2026; 40 % of its volume is left", or null when it covered nothing.
 */
export function describeCoverage(terms: TContractTerms, coverage: TContractCoverage): string | null {
  if (!coverage.firstDay || !coverage.lastDay) {
    return null;
  }
  const name = `${instrumentLabel(terms.instrumentType)} ${terms.reference} (${terms.marketZone})`;
  const span = coveredSpan(coverage.firstDay, coverage.lastDay);
  const left = `${Math.round((1 - coverage.usedShare) * 100)} % of its volume`;
  switch (coverage.status) {
    case 'used-up':
      return `${name} covered ${span} and was used up on ${coverage.usedUpOn}.`;
    case 'expired-with-remainder':
      return `${name} covered ${span}; it expired with ${left} unused.`;
    default:
      return `${name} has covered ${span}; ${left} is left.`;
  }
}

const INSTRUMENT_LABELS: Record<string, string> = {
  REC: 'REC',
  GO: 'Guarantee of origin',
  PPA: 'PPA',
  GREEN_TARIFF: 'Green tariff',
  SUPPLIER_RATE: 'Supplier rate',
};

/** Human label of a contractual instrument type. */
export function instrumentLabel(instrumentType: string): string {
  return INSTRUMENT_LABELS[instrumentType] ?? instrumentType;
}
