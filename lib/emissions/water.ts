import type { AssumptionFlag } from './assumption-flags';
import type { FactorRef } from './footprint-types';
import type { IndexedFactorLibrary } from './index-factor-library';
import { DEFAULT_SOURCES, type MethodologySettings } from './methodology-settings';
import type { ResolvedLocation } from './resolve-location';

export interface ResolvedEwif {
  lPerKwh: number;
  flags: AssumptionFlag[];
  ref: FactorRef;
}

/** EWIF (L of water consumed per kWh generated): zone > country (flagged) > default (flagged). */
export function resolveEwif(
  where: ResolvedLocation,
  library: IndexedFactorLibrary,
  settings: MethodologySettings,
): ResolvedEwif {
  const candidates: Array<[string | null, AssumptionFlag[]]> = [
    [where.gridZone, []],
    [where.countryCode, ['EWIF_COUNTRY_FALLBACK']],
  ];
  for (const [zone, flags] of candidates) {
    const factor = zone ? library.ewifByZone.get(zone) : undefined;
    if (factor) {
      return {
        lPerKwh: factor.lPerKwh,
        flags: zone === where.gridZone ? [] : flags,
        ref: {
          id: factor.id,
          kind: 'ewif',
          value: factor.lPerKwh,
          unit: 'L/kWh',
          source: factor.source,
          datasetVersion: factor.datasetVersion,
        },
      };
    }
  }
  const value = settings.defaultEwifLPerKwh;
  return {
    lPerKwh: value,
    flags: ['EWIF_DEFAULT'],
    ref: {
      id: 'default:ewif',
      kind: 'ewif',
      value,
      unit: 'L/kWh',
      source: DEFAULT_SOURCES.defaultEwifLPerKwh,
      datasetVersion: 'settings',
    },
  };
}

/**
 * Water (Li et al. 2023, arXiv:2304.03271): on-site = IT kWh × WUE (WUE is per IT kWh, so never × PUE);
 * off-site = facility kWh × EWIF. Reported separately, never only as a sum.
 */
export function computeWaterL(
  itEnergyKwh: number,
  facilityEnergyKwh: number,
  wueLPerKwh: number,
  ewifLPerKwh: number,
) {
  return { waterOnsiteL: itEnergyKwh * wueLPerKwh, waterOffsiteL: facilityEnergyKwh * ewifLPerKwh };
}
