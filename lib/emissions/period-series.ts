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
  /** runEnds[k] = end (ms) of the contiguous stretch that period k belongs to. */
  runEnds: Float64Array;
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
    runEnds: new Float64Array(n),
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
  for (let k = n - 1; k >= 0; k--) {
    const sameRunNext = k + 1 < n && series.runIds[k + 1] === series.runIds[k];
    series.runEnds[k] = sameRunNext ? (series.runEnds[k + 1] ?? 0) : (series.ends[k] ?? 0);
  }
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

/** ∫ intensity dt (g/kWh × ms) over [t0, t1) inside one contiguous stretch of `series` that starts in period k0. */
function integralWithin(
  series: PeriodSeries,
  k0: number,
  t0: number,
  t1: number,
): { sum: number; k1: number } {
  const k1 = lastStartingBefore(series, t1, true);
  const at = (k: number, t: number) =>
    (series.prefix[k] ?? 0) + (t - (series.starts[k] ?? 0)) * (series.values[k] ?? 0);
  return { sum: at(k1, t1) - at(k0, t0), k1 };
}

export interface LayeredAverage extends SeriesAverage {
  /** ms of the run read from each layer (same order as the layers). */
  msByLayer: number[];
  /** ms of the run no layer covers, read from the latest earlier period of the last layer (nearest year). */
  nearestMs: number;
}

/**
 * Time-weighted mean intensity over [startMs, endMs) where every instant takes the FINEST layer that covers it
 * (layers in priority order, e.g. hourly, monthly, yearly) and an instant no layer covers takes the last layer's
 * latest period starting before it (the nearest earlier year). So a run that crosses the end of the monthly
 * coverage is read month by month — the covered days from the monthly factors, the rest from that year's yearly
 * factor — and moving its end by a day moves the result by one day's weight instead of switching the whole run
 * to another dataset. Null when some instant has neither a covering nor an earlier period (run before all data).
 * A zero-length run takes the factor at its start. Flat power over the run is assumed (docs/METHODOLOGY.md).
 */
export function layeredAverage(
  layers: readonly PeriodSeries[],
  startMs: number,
  endMs: number,
): LayeredAverage | null {
  const msByLayer = layers.map(() => 0);
  const fallback = layers[layers.length - 1];
  let nearestMs = 0;
  let sum = 0;
  let first: GridFactor | undefined;
  let last: GridFactor | undefined;
  let t = startMs;
  const stop = Math.max(endMs, startMs + 1);
  while (t < stop) {
    let limit = stop;
    let chosen = -1;
    let k0 = -1;
    for (let l = 0; l < layers.length; l++) {
      const series = layers[l] as PeriodSeries;
      const k = lastStartingBefore(series, t);
      if (k >= 0 && (series.ends[k] ?? 0) > t) {
        chosen = l;
        k0 = k;
        limit = Math.min(limit, series.runEnds[k] ?? 0);
        break;
      }
      // A finer layer that starts covering later ends this piece there.
      const next = series.starts[k + 1];
      if (next !== undefined) {
        limit = Math.min(limit, next);
      }
    }
    if (chosen >= 0) {
      const series = layers[chosen] as PeriodSeries;
      const { sum: part, k1 } = integralWithin(series, k0, t, limit);
      sum += part;
      msByLayer[chosen] = (msByLayer[chosen] ?? 0) + (limit - t);
      first ??= series.factors[k0];
      last = series.factors[k1];
    } else {
      const k = fallback ? lastStartingBefore(fallback, t) : -1;
      const factor = fallback?.factors[k];
      if (!factor) {
        return null;
      }
      sum += factor.gCo2ePerKwh * (limit - t);
      nearestMs += limit - t;
      first ??= factor;
      last = factor;
    }
    t = limit;
  }
  if (!first || !last) {
    return null;
  }
  return { gCo2ePerKwh: sum / (stop - startMs), first, last, msByLayer, nearestMs };
}
