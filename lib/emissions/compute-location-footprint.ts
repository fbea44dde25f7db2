import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { AssumptionFlag } from './assumption-flags';
import { computeEmbodied } from './embodied';
import { resolveEfficiency } from './facility-efficiency';
import type { FactorRef, RecordFootprint } from './footprint-types';
import { resolveLocationIntensity } from './grid-intensity';
import type { IndexedFactorLibrary } from './index-factor-library';
import { computeItEnergy, type ItEnergy } from './it-energy';
import type { MethodologySettings } from './methodology-settings';
import { METHODOLOGY_VERSION } from './methodology-version';
import { resolveLocation } from './resolve-location';
import {
  ENERGY_RANGES,
  intensityRangeOf,
  PUE_RANGES,
  productBounds,
  type RelativeRange,
} from './uncertainty';
import { computeWaterL, resolveEwif } from './water';

function energyRange(it: ItEnergy, flags: readonly AssumptionFlag[]): RelativeRange {
  if (it.method !== 'tdp-model') {
    return ENERGY_RANGES[it.method];
  }
  if (!it.accelerator) {
    return ENERGY_RANGES['tdp-unknown-accelerator'];
  }
  return flags.includes('UTILIZATION_DEFAULT')
    ? ENERGY_RANGES['tdp-default-utilization']
    : ENERGY_RANGES['tdp-model'];
}

/** Unique flags in first-seen order. */
export function uniqueFlags(...lists: ReadonlyArray<readonly AssumptionFlag[]>): AssumptionFlag[] {
  return [...new Set(lists.flat())];
}

/**
 * Everything except market-based allocation: IT energy, PUE, facility energy, location-based CO2e, embodied,
 * water, uncertainty. `marketKgCo2e` is provisional (= location) until `allocateMarketBased` runs.
 */
export function computeLocationFootprint(
  record: TUsageRecordInput,
  library: IndexedFactorLibrary,
  settings: MethodologySettings,
): RecordFootprint {
  const it = computeItEnergy(record, library, settings);
  const where = resolveLocation(record, library);
  const pue = resolveEfficiency('pue', record, where, library, settings);
  const wue = resolveEfficiency('wue', record, where, library, settings);
  const intensity = resolveLocationIntensity(record, where, library, settings);
  const ewif = resolveEwif(where, library, settings);
  const embodied = computeEmbodied(it, settings, where.provider === 'edge');

  const energyKwh = it.itEnergyKwh * pue.value;
  const locationKgCo2e = (energyKwh * intensity.gCo2ePerKwh) / 1000;
  const water = computeWaterL(it.itEnergyKwh, energyKwh, wue.value, ewif.lPerKwh);
  const assumptions = uniqueFlags(
    it.flags,
    where.flags,
    pue.flags,
    intensity.flags,
    embodied.flags,
    wue.flags,
    ewif.flags,
  );
  const intensityRange = intensityRangeOf(intensity.source, intensity.flags);
  const bounds = productBounds(locationKgCo2e, [
    energyRange(it, assumptions),
    PUE_RANGES[pue.level],
    intensityRange,
  ]);
  const factorRefs: FactorRef[] = [...it.factorRefs, pue.ref, intensity.ref, wue.ref, ewif.ref];
  if (embodied.ref) {
    factorRefs.push(embodied.ref);
  }
  return {
    recordId: record.recordId ?? null,
    itEnergyKwh: it.itEnergyKwh,
    energyKwh,
    pue: pue.value,
    deviceHours: it.deviceHours,
    powerPerDeviceW: it.powerPerDeviceW,
    acceleratorId: it.accelerator?.id ?? null,
    gridZone: where.gridZone,
    countryCode: where.countryCode,
    intensityGCo2ePerKwh: intensity.gCo2ePerKwh,
    intensitySource: intensity.source,
    basis: intensity.basis,
    locationKgCo2e,
    marketKgCo2e: locationKgCo2e,
    marketMatchedKwh: 0,
    marketAllocations: [],
    embodiedKgCo2e: embodied.embodiedKgCo2e,
    waterOnsiteL: water.waterOnsiteL,
    waterOffsiteL: water.waterOffsiteL,
    uncertaintyLowKgCo2e: bounds.low,
    uncertaintyHighKgCo2e: bounds.high,
    isMeasured: it.isMeasured,
    methodologyVersion: METHODOLOGY_VERSION,
    factorRefs,
    assumptions,
  };
}
