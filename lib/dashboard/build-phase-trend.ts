import { PHASES, type TPhase } from '@/lib/schemas/usage-record';

/** One month of the stacked trend: tonnes CO2e per phase, location-based and market-based. */
export interface TPhaseTrendPoint {
  month: string;
  location: Record<TPhase, number>;
  market: Record<TPhase, number>;
}

export interface TMonthlyPhaseInput {
  month: string;
  phase: TPhase;
  locationKgCo2e: number;
  marketKgCo2e: number;
}

const zeroByPhase = (): Record<TPhase, number> =>
  Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<TPhase, number>;

/** Pivots month × phase rows (kg) into one point per month (tonnes), filling months with no data with zeros. */
export function buildPhaseTrend(rows: TMonthlyPhaseInput[]): TPhaseTrendPoint[] {
  if (rows.length === 0) {
    return [];
  }
  const months = rows.map((r) => r.month).sort();
  const byMonth = new Map<string, TPhaseTrendPoint>();
  for (const month of monthsBetween(months[0] as string, months[months.length - 1] as string)) {
    byMonth.set(month, { month, location: zeroByPhase(), market: zeroByPhase() });
  }
  for (const row of rows) {
    const point = byMonth.get(row.month);
    if (point) {
      point.location[row.phase] += row.locationKgCo2e / 1000;
      point.market[row.phase] += row.marketKgCo2e / 1000;
    }
  }
  return [...byMonth.values()];
}

/** Every YYYY-MM from `first` to `last` inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const result: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    result.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return result;
}
