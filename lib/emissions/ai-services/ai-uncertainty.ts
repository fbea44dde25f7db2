import type { RecordFootprint } from '../footprint-types';
import { intensityRangeOf, productBounds, type RelativeRange } from '../uncertainty';
import type { TValueRange } from './value-range';

/**
 * The relative range [below, above] of an AI-service row's facility energy around the stored midpoint: from the
 * EcoLogits energy range, which spans the model's parameter range and the provider's PUE range
 * (docs/METHODOLOGY.md "AI services", ranges). [0, 0] without energy. Pure.
 */
export function aiEnergyRangeOf(footprint: {
  energyKwh: number;
  energyKwhRange: TValueRange;
}): RelativeRange {
  const mid = footprint.energyKwh;
  if (!(mid > 0)) {
    return [0, 0];
  }
  return [1 - footprint.energyKwhRange.min / mid, footprint.energyKwhRange.max / mid - 1];
}

/**
 * The location-based range of an AI-service record (docs/decisions/ai-services.md): its CO2e (facility energy ×
 * our grid factor) with the EcoLogits energy range instead of the compute engine's energy and PUE ranges (a
 * stated energy and PUE would read as metered, ±5 % and ±2 %), times the grid factor's own range. Pure.
 */
export function aiUncertaintyOf(
  footprint: Pick<RecordFootprint, 'locationKgCo2e' | 'intensitySource' | 'assumptions'>,
  energyRange: RelativeRange,
): { uncertaintyLowKgCo2e: number; uncertaintyHighKgCo2e: number } {
  const bounds = productBounds(footprint.locationKgCo2e, [
    energyRange,
    intensityRangeOf(footprint.intensitySource, footprint.assumptions),
  ]);
  return { uncertaintyLowKgCo2e: bounds.low, uncertaintyHighKgCo2e: bounds.high };
}
