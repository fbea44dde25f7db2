import type { AssumptionFlag } from './assumption-flags';
import type { FactorRef } from './footprint-types';
import type { ItEnergy } from './it-energy';
import { DEFAULT_SOURCES, type MethodologySettings } from './methodology-settings';

/** Hours per year used for lifetimes (SCI spec example and CCF: 4 years = 35,040 h). */
export const HOURS_PER_YEAR = 8760;

/**
 * SCI M term (ISO/IEC 21031:2024): M = TE × (TiR / EL) × (RR / ToR). Per device RR/ToR = 1 and TiR = device-hours,
 * so M (kg) = embodied kg per device × device-hours / (lifetime years × 8760 h).
 */
export function amortizedEmbodiedKgCo2e(
  embodiedKgPerDevice: number,
  deviceHours: number,
  lifetimeYears: number,
): number {
  return (embodiedKgPerDevice * deviceHours) / (lifetimeYears * HOURS_PER_YEAR);
}

export interface EmbodiedResult {
  embodiedKgCo2e: number;
  /** Relative range from the catalog's low/high embodied values, e.g. [0.2, 0.3] for −20 %/+30 %. */
  relativeRange: [number, number];
  flags: AssumptionFlag[];
  ref: FactorRef | null;
}

/**
 * Amortised embodied emissions of the accelerators a record reserved (management view, not Scope 3 Cat 2).
 * `edgeDevice`: the record ran on an edge or personal device, where an unknown accelerator must not take the
 * data-centre default (a laptop's integrated GPU is not a data-centre card).
 */
export function computeEmbodied(
  it: ItEnergy,
  settings: MethodologySettings,
  edgeDevice = false,
): EmbodiedResult {
  if (it.deviceHours <= 0) {
    return { embodiedKgCo2e: 0, relativeRange: [0, 0], flags: ['EMBODIED_NO_DEVICE_HOURS'], ref: null };
  }
  const spec = it.accelerator;
  if (!spec && edgeDevice) {
    return { embodiedKgCo2e: 0, relativeRange: [0, 0], flags: ['EMBODIED_EDGE_DEVICE_UNKNOWN'], ref: null };
  }
  const perDevice = spec ? spec.embodiedKgCo2e : settings.unknownAcceleratorEmbodiedKgCo2e;
  const embodiedKgCo2e = amortizedEmbodiedKgCo2e(perDevice, it.deviceHours, settings.embodiedLifetimeYears);
  if (!spec) {
    return {
      embodiedKgCo2e,
      relativeRange: [0.5, 1],
      flags: ['ACCELERATOR_UNKNOWN'],
      ref: {
        id: 'default:unknown-accelerator-embodied',
        kind: 'accelerator-embodied',
        value: perDevice,
        unit: 'kgCO2e/device',
        source: DEFAULT_SOURCES.unknownAcceleratorEmbodiedKgCo2e,
        datasetVersion: 'settings',
      },
    };
  }
  const low = perDevice > 0 ? 1 - spec.embodiedLowKgCo2e / perDevice : 0;
  const high = perDevice > 0 ? spec.embodiedHighKgCo2e / perDevice - 1 : 0;
  return {
    embodiedKgCo2e,
    relativeRange: [Math.max(0, low), Math.max(0, high)],
    flags: [],
    ref: {
      id: `${spec.id}:embodied`,
      kind: 'accelerator-embodied',
      value: perDevice,
      unit: 'kgCO2e/device',
      source: spec.source,
      datasetVersion: spec.datasetVersion,
    },
  };
}
