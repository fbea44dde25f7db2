import type { AssumptionFlag } from './assumption-flags';
import type { FactorBasis } from './factor-library-types';

/** Where the location-based intensity came from, best first. */
export type IntensitySource = 'row' | 'hourly' | 'monthly' | 'yearly' | 'nearest-year' | 'country' | 'world';

export type FactorRefKind =
  | 'grid-intensity'
  | 'residual-mix'
  | 'energy-contract'
  | 'pue'
  | 'wue'
  | 'ewif'
  | 'accelerator-power'
  | 'accelerator-embodied'
  | 'instance-host-power'
  | 'utilization';

/** Provenance of one factor used in a result. */
export interface FactorRef {
  id: string;
  kind: FactorRefKind;
  value: number;
  unit: string;
  source: string;
  datasetVersion: string;
  basis?: FactorBasis;
}

/** A market-based instrument applied to part of a record's facility energy. */
export interface MarketAllocation {
  contractId: string;
  instrumentType: string;
  energyKwh: number;
  gCo2ePerKwh: number;
}

/** Result of the engine for one usage record. All quantities carry their unit in the name. */
export interface RecordFootprint {
  recordId: string | null;
  /** IT (server/accelerator) energy, kWh, before PUE. */
  itEnergyKwh: number;
  /** Facility energy = itEnergyKwh × pue, kWh. */
  energyKwh: number;
  pue: number;
  /** Device-hours used for modelling and embodied amortisation (0 when unknown). */
  deviceHours: number;
  /** Average power per device used by the model, W (null when energy was metered or request-based). */
  powerPerDeviceW: number | null;
  acceleratorId: string | null;
  gridZone: string | null;
  countryCode: string | null;
  intensityGCo2ePerKwh: number;
  intensitySource: IntensitySource;
  basis: FactorBasis;
  /** Location-based Scope 2 style emissions = energyKwh × intensity / 1000. */
  locationKgCo2e: number;
  /** Market-based (GHG Protocol Scope 2) emissions after contract matching and residual mix. */
  marketKgCo2e: number;
  /** Facility kWh covered by contractual instruments. */
  marketMatchedKwh: number;
  marketAllocations: MarketAllocation[];
  /** Amortised embodied emissions (SCI M term, management view; not the Scope 3 Cat 2 inventory figure). */
  embodiedKgCo2e: number;
  waterOnsiteL: number;
  waterOffsiteL: number;
  /** Range around locationKgCo2e from documented per-input relative ranges. */
  uncertaintyLowKgCo2e: number;
  uncertaintyHighKgCo2e: number;
  /** True when IT energy was metered (energyKwh on the row); false when modelled. */
  isMeasured: boolean;
  methodologyVersion: string;
  factorRefs: FactorRef[];
  assumptions: AssumptionFlag[];
}

/** Sum over records. `basis` is 'mixed' when records used different bases (totals must then be labelled). */
export interface FootprintTotals {
  records: number;
  itEnergyKwh: number;
  energyKwh: number;
  locationKgCo2e: number;
  marketKgCo2e: number;
  embodiedKgCo2e: number;
  waterOnsiteL: number;
  waterOffsiteL: number;
  measuredRecords: number;
  basis: FactorBasis | 'mixed' | 'none';
  uncertainty: { lowKgCo2e: number; highKgCo2e: number };
}
