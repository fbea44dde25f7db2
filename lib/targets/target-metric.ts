/** What a target measures: absolute tCO2e per period, or gCO2e per 1,000 requests (inference intensity). */
export type TTargetMetric = 'absolute' | 'intensity';

/** GHG Protocol Scope 2 basis of the emissions a target or budget counts. */
export type TEmissionsBasis = 'location' | 'market';

/** Sums of records inside a window (time-share apportioned), in kg CO2e and request counts. */
export interface TWindowSums {
  records: number;
  locationKgCo2e: number;
  marketKgCo2e: number;
  /** kg CO2e of the records that carry a request count (the intensity numerator) and their requests. */
  requestLocationKgCo2e: number;
  requestMarketKgCo2e: number;
  requests: number;
}

export const TARGET_UNITS: Record<TTargetMetric, string> = {
  absolute: 'tCO2e',
  intensity: 'gCO2e/1k requests',
};

/** kg CO2e of a window on one basis. */
export function basisKgCo2e(sums: TWindowSums, basis: TEmissionsBasis): number {
  return basis === 'location' ? sums.locationKgCo2e : sums.marketKgCo2e;
}

/**
 * The target metric's value for a window: absolute → tCO2e (kg / 1,000); intensity → gCO2e per 1,000 requests
 * = (kg of request-carrying records × 1,000 g/kg) / (requests / 1,000). Null when there is nothing to measure
 * (no records, or no requests for intensity).
 */
export function computeMetricValue(
  sums: TWindowSums,
  metric: TTargetMetric,
  basis: TEmissionsBasis,
): number | null {
  if (metric === 'absolute') {
    return sums.records > 0 ? basisKgCo2e(sums, basis) / 1000 : null;
  }
  if (sums.requests <= 0) {
    return null;
  }
  const kg = basis === 'location' ? sums.requestLocationKgCo2e : sums.requestMarketKgCo2e;
  return (kg * 1000) / (sums.requests / 1000);
}
