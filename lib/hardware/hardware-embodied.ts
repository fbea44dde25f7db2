/**
 * Embodied emissions of owned hardware (pure). Two views of the same manufacturing emissions, never added together:
 *
 * - Inventory (GHG Protocol Scope 3 Category 2, capital goods): the full cradle-to-gate embodied emissions of an
 *   asset are booked in the period in which it was purchased ("lumpy").
 * - Management memo: straight-line amortisation over the expected lifetime ("smooth"). Amortisation stops at
 *   retirement and the not-yet-amortised remainder is written off in the retirement period, so the memo summed
 *   over all periods equals the Category 2 total.
 *
 * Units: kg CO2e; instants are UTC `Date`s; periods are half-open [start, end).
 */

/** Mean Julian year: the lifetime is converted with it so a 4-year lifetime spans 4 × 365.25 days. */
export const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

export interface THardwareAsset {
  id: string;
  name: string;
  hardwareType: string;
  acceleratorId: string | null;
  unitCount: number;
  purchasedOn: Date;
  embodiedKgCo2ePerUnit: number;
  embodiedSource: string;
  expectedLifetimeYears: number;
  location: string | null;
  retiredOn: Date | null;
}

export interface THardwarePeriodFigures {
  /** Scope 3 Cat 2 booked in the period (assets purchased inside it), kg CO2e. Part of the inventory. */
  cat2KgCo2e: number;
  /** Straight-line amortisation of the register in the period (memo, never added to inventory totals), kg CO2e. */
  amortisedKgCo2e: number;
  /** Assets purchased in the period. */
  purchasedAssets: number;
}

/** Full embodied emissions of an asset: units × kg CO2e per unit. */
export function assetEmbodiedKgCo2e(
  asset: Pick<THardwareAsset, 'unitCount' | 'embodiedKgCo2ePerUnit'>,
): number {
  return asset.unitCount * asset.embodiedKgCo2ePerUnit;
}

const inPeriod = (at: Date, start: Date, end: Date) =>
  at.getTime() >= start.getTime() && at.getTime() < end.getTime();

/** Scope 3 Cat 2 of one asset in [start, end): everything in the purchase period, nothing elsewhere. */
export function cat2KgCo2eInPeriod(asset: THardwareAsset, start: Date, end: Date): number {
  return inPeriod(asset.purchasedOn, start, end) ? assetEmbodiedKgCo2e(asset) : 0;
}

/** Amortised embodied kg CO2e of one asset in [start, end) (straight line; write-off at early retirement). */
export function amortisedKgCo2eInPeriod(asset: THardwareAsset, start: Date, end: Date): number {
  const total = assetEmbodiedKgCo2e(asset);
  const lifeStart = asset.purchasedOn.getTime();
  const lifeMs = asset.expectedLifetimeYears * MS_PER_YEAR;
  if (!(lifeMs > 0) || total === 0) {
    return 0;
  }
  const lifeEnd = lifeStart + lifeMs;
  const retired = asset.retiredOn ? Math.max(asset.retiredOn.getTime(), lifeStart) : null;
  const stop = retired !== null && retired < lifeEnd ? retired : lifeEnd;
  const overlapMs = Math.max(0, Math.min(end.getTime(), stop) - Math.max(start.getTime(), lifeStart));
  let kg = (total * overlapMs) / lifeMs;
  if (stop < lifeEnd && stop >= start.getTime() && stop < end.getTime()) {
    kg += (total * (lifeEnd - stop)) / lifeMs;
  }
  return kg;
}

/** Cat 2 and amortised memo over a register for [start, end). */
export function hardwareFiguresInPeriod(
  assets: readonly THardwareAsset[],
  start: Date,
  end: Date,
): THardwarePeriodFigures {
  let cat2KgCo2e = 0;
  let amortisedKgCo2e = 0;
  let purchasedAssets = 0;
  for (const asset of assets) {
    const cat2 = cat2KgCo2eInPeriod(asset, start, end);
    cat2KgCo2e += cat2;
    purchasedAssets += inPeriod(asset.purchasedOn, start, end) ? 1 : 0;
    amortisedKgCo2e += amortisedKgCo2eInPeriod(asset, start, end);
  }
  return { cat2KgCo2e, amortisedKgCo2e, purchasedAssets };
}

/** Assets in service at some instant of [start, end) or purchased in it (what the register section lists). */
export function assetsRelevantToPeriod(
  assets: readonly THardwareAsset[],
  start: Date,
  end: Date,
): THardwareAsset[] {
  return assets.filter(
    (a) =>
      a.purchasedOn.getTime() < end.getTime() &&
      (a.retiredOn === null || a.retiredOn.getTime() >= start.getTime()),
  );
}
