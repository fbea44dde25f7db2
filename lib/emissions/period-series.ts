import type { GridFactor } from './factor-library-types';

/**
 * Factors for one (zone, basis, granularity), sorted by start, with a running integral so the time-weighted
 * mean over any interval costs O(log n) (two binary searches), whatever its length. Used for hourly data.
 */
export interface PeriodSeries {
  factors: GridFactor[];
  starts: Float64Array;
  ends: Float64Array;
  values: Float64Array;
  /** prefix[k] = Σ_{j<k} value_j × duration_j (g/kWh × ms). */
  prefix: Float64Array;
  /** Contiguous stretches share a run id; a gap starts a new run (a gap means "not covered"). */
  runIds: Int32Array;
}

/** Builds a series; where periods overlap, the factor earlier in the input wins (library order = priority). */
export function buildPeriodSeries(input: readonly GridFactor[]): PeriodSeries {
  const sorted = input
    .map((factor, order) => ({ factor, order, start: factor.periodStart.getTime() }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  const kept: GridFactor[] = [];
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const { factor, start } of sorted) {
    const end = factor.periodEnd.getTime();
    if (start >= lastEnd && end > start) {
      kept.push(factor);
      lastEnd = end;
    }
  }
  const n = kept.length;
  const series: PeriodSeries = {
    factors: kept,
    starts: new Float64Array(n),
    ends: new Float64Array(n),
    values: new Float64Array(n),
    prefix: new Float64Array(n + 1),
    runIds: new Int32Array(n),
  };
  let run = 0;
  kept.forEach((factor, k) => {
    const start = factor.periodStart.getTime();
    const end = factor.periodEnd.getTime();
    if (k > 0 && start !== series.ends[k - 1]) {
      run += 1;
    }
    series.starts[k] = start;
    series.ends[k] = end;
    series.values[k] = factor.gCo2ePerKwh;
    series.runIds[k] = run;
    series.prefix[k + 1] = (series.prefix[k] ?? 0) + factor.gCo2ePerKwh * (end - start);
  });
  return series;
}

/** Index of the last period whose start is ≤ t (or < t when `strict`), −1 if none. */
export function lastStartingBefore(series: PeriodSeries, t: number, strict = false): number {
  let lo = 0;
  let hi = series.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = series.starts[mid] ?? 0;
    if (strict ? start < t : start <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

export interface SeriesAverage {
  gCo2ePerKwh: number;
  first: GridFactor;
  last: GridFactor;
}

/**
 * Time-weighted mean intensity over [startMs, endMs), assuming flat power over the run; null unless the whole
 * interval is covered by contiguous periods. A zero-length run takes the period containing its start.
 */
export function timeWeightedAverage(
  series: PeriodSeries,
  startMs: number,
  endMs: number,
): SeriesAverage | null {
  const i0 = lastStartingBefore(series, startMs);
  if (i0 < 0 || (series.ends[i0] ?? 0) <= startMs) {
    return null;
  }
  const first = series.factors[i0] as GridFactor;
  if (endMs <= startMs) {
    return { gCo2ePerKwh: series.values[i0] ?? 0, first, last: first };
  }
  const i1 = lastStartingBefore(series, endMs, true);
  if ((series.ends[i1] ?? 0) < endMs || series.runIds[i1] !== series.runIds[i0]) {
    return null;
  }
  const integral = (k: number, t: number) =>
    (series.prefix[k] ?? 0) + (t - (series.starts[k] ?? 0)) * (series.values[k] ?? 0);
  return {
    gCo2ePerKwh: (integral(i1, endMs) - integral(i0, startMs)) / (endMs - startMs),
    first,
    last: series.factors[i1] as GridFactor,
  };
}
