import type { AssumptionFlag } from './assumption-flags';
import { type EnergyContractInput, INSTRUMENT_PRIORITY } from './energy-contract';
import type { FactorRef, MarketAllocation, RecordFootprint } from './footprint-types';
import { refFromFactor } from './grid-intensity';
import type { IndexedFactorLibrary } from './index-factor-library';
import { normalizeZone } from './normalize-key';
import { lastStartingBefore, timeWeightedAverage } from './period-series';

/** A time slice of one record's facility energy, cut at contract boundaries (flat power assumed). */
interface Slice {
  startMs: number;
  endMs: number;
  remainingKwh: number;
}

export interface RecordPeriod {
  startMs: number;
  endMs: number;
}

function covers(contract: EnergyContractInput, slice: Slice): boolean {
  const start = contract.periodStart.getTime();
  const end = contract.periodEnd.getTime();
  return slice.startMs >= start && (slice.endMs > slice.startMs ? slice.endMs <= end : slice.startMs < end);
}

function slicesFor(period: RecordPeriod, energyKwh: number, cuts: readonly number[]): Slice[] {
  const { startMs, endMs } = period;
  if (endMs <= startMs) {
    return [{ startMs, endMs: startMs, remainingKwh: energyKwh }];
  }
  const points = [...new Set([startMs, endMs, ...cuts.filter((t) => t > startMs && t < endMs)])].sort(
    (a, b) => a - b,
  );
  const slices: Slice[] = [];
  for (let k = 0; k + 1 < points.length; k += 1) {
    const a = points[k] as number;
    const b = points[k + 1] as number;
    slices.push({ startMs: a, endMs: b, remainingKwh: (energyKwh * (b - a)) / (endMs - startMs) });
  }
  return slices;
}

function residualFor(footprint: RecordFootprint, period: RecordPeriod, library: IndexedFactorLibrary) {
  for (const zone of [footprint.gridZone, footprint.countryCode]) {
    const series = zone ? library.residualSeries.get(zone) : undefined;
    if (!series) {
      continue;
    }
    const average = timeWeightedAverage(series, period.startMs, period.endMs);
    const factor = average ? average.first : series.factors[lastStartingBefore(series, period.startMs)];
    if (factor) {
      const value = average ? average.gCo2ePerKwh : factor.gCo2ePerKwh;
      return { value, ref: refFromFactor(factor, factor.id, value, 'residual-mix') };
    }
  }
  return null;
}

/**
 * Market-based Scope 2 (GHG Protocol): instruments are matched to facility energy in the same market
 * (contract zone = record grid zone or country) and period, by instrument priority, then contract start, then id;
 * records in order of start time. Unmatched energy uses the residual mix, else the grid average (flagged).
 */
export function allocateMarketBased(
  footprints: readonly RecordFootprint[],
  periods: readonly RecordPeriod[],
  library: IndexedFactorLibrary,
  contracts: readonly EnergyContractInput[],
): RecordFootprint[] {
  const sorted = [...contracts].sort(
    (a, b) =>
      INSTRUMENT_PRIORITY[a.instrumentType] - INSTRUMENT_PRIORITY[b.instrumentType] ||
      a.periodStart.getTime() - b.periodStart.getTime() ||
      a.id.localeCompare(b.id),
  );
  const byMarket = new Map<string, number[]>();
  const order = footprints
    .map((_, i) => i)
    .sort((a, b) => (periods[a]?.startMs ?? 0) - (periods[b]?.startMs ?? 0) || a - b);
  for (const i of order) {
    const fp = footprints[i] as RecordFootprint;
    for (const zone of new Set([fp.gridZone, fp.countryCode])) {
      const list = zone ? byMarket.get(zone) : undefined;
      if (list) {
        list.push(i);
      } else if (zone) {
        byMarket.set(zone, [i]);
      }
    }
  }
  const cuts = sorted.flatMap((c) => [c.periodStart.getTime(), c.periodEnd.getTime()]);
  const slices = new Map<number, Slice[]>();
  const allocations = footprints.map((): MarketAllocation[] => []);
  for (const contract of sorted) {
    let remainingKwh = contract.mwh * 1000;
    for (const i of byMarket.get(normalizeZone(contract.marketZone)) ?? []) {
      if (remainingKwh <= 0) {
        break;
      }
      const fp = footprints[i] as RecordFootprint;
      const period = periods[i] as RecordPeriod;
      let list = slices.get(i);
      if (!list) {
        list = slicesFor(period, fp.energyKwh, cuts);
        slices.set(i, list);
      }
      for (const slice of list) {
        if (remainingKwh > 0 && slice.remainingKwh > 0 && covers(contract, slice)) {
          const take = Math.min(remainingKwh, slice.remainingKwh);
          slice.remainingKwh -= take;
          remainingKwh -= take;
          const { id, instrumentType, gCo2ePerKwh } = contract;
          allocations[i]?.push({ contractId: id, instrumentType, energyKwh: take, gCo2ePerKwh });
        }
      }
    }
  }
  return footprints.map((fp, i) => {
    const allocated = allocations[i] ?? [];
    const matchedKwh = allocated.reduce((sum, a) => sum + a.energyKwh, 0);
    const contractKg = allocated.reduce((sum, a) => sum + (a.energyKwh * a.gCo2ePerKwh) / 1000, 0);
    const unmatchedKwh = Math.max(0, fp.energyKwh - matchedKwh);
    const residual = unmatchedKwh > 0 ? residualFor(fp, periods[i] as RecordPeriod, library) : null;
    const flags: AssumptionFlag[] = residual || unmatchedKwh <= 0 ? [] : ['MARKET_RESIDUAL_MIX_UNAVAILABLE'];
    const residualIntensity = residual ? residual.value : fp.intensityGCo2ePerKwh;
    const refs: FactorRef[] = allocated.map((a) => ({
      id: a.contractId,
      kind: 'energy-contract',
      value: a.gCo2ePerKwh,
      unit: 'gCO2e/kWh',
      source: `energy contract (${a.instrumentType})`,
      datasetVersion: 'org',
    }));
    if (residual) {
      refs.push(residual.ref);
    }
    return {
      ...fp,
      marketKgCo2e: contractKg + (unmatchedKwh * residualIntensity) / 1000,
      marketMatchedKwh: matchedKwh,
      marketAllocations: allocated,
      factorRefs: [...fp.factorRefs, ...refs],
      assumptions: [...new Set([...fp.assumptions, ...flags])],
    };
  });
}
