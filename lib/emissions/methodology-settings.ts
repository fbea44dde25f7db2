import type { FactorBasis } from './factor-library-types';

/**
 * Method choices and documented defaults. Every default names its source; see docs/METHODOLOGY.md.
 * Pass `DEFAULT_METHODOLOGY_SETTINGS` (or a copy with overrides) to the engine.
 */
export interface MethodologySettings {
  /** Basis for location-based intensity. Life-cycle has the widest open coverage (Ember, Electricity Maps). */
  basis: FactorBasis;
  /** If no factor exists on `basis`, use the other basis (flagged INTENSITY_BASIS_MISMATCH) instead of skipping. */
  allowBasisFallback: boolean;
  /** Utilisation u (0–1) when the row has none. CCF AVG_CPU_UTILIZATION_2020 = 50 %, also applied to GPUs. */
  defaultUtilization: number;
  /** Idle power as a fraction of TDP when the catalog has no idle value. CCF GPU min/max ratio ≈ 0.11. */
  idlePowerFraction: number;
  /** Power per device (W) for unknown accelerators. Green Algorithms `Any` GPU = 200 W. */
  unknownAcceleratorPowerW: number;
  /** Embodied kg CO2e per unknown accelerator. CCF generic model: 150 kg per GPU card. */
  unknownAcceleratorEmbodiedKgCo2e: number;
  /** Host overhead as a fraction of modelled device energy (0 = accelerators only). */
  hostOverheadFraction: number;
  /** PUE when neither region nor provider publishes one. Uptime Institute 2024 survey average 1.56. */
  defaultPue: number;
  /** On-site WUE (L per IT kWh) when nothing is published. AWS-quoted industry average 0.84. */
  defaultWueLPerKwh: number;
  /** EWIF (L/kWh) when no zone/country value exists. WRI (Reig et al. 2020) US average 3.14. */
  defaultEwifLPerKwh: number;
  /** World-average intensity when nothing else matches (g CO2e/kWh). IEA 2019 via CodeCarbon/GA: 475. */
  worldAverageGCo2ePerKwh: number;
  /** Basis assumed for `worldAverageGCo2ePerKwh`. */
  worldAverageBasis: FactorBasis;
  /** Embodied-emissions lifetime of accelerators, years. SCI example / CCF 35,040 h = 4 years. */
  embodiedLifetimeYears: number;
}

export const DEFAULT_METHODOLOGY_SETTINGS: Readonly<MethodologySettings> = Object.freeze({
  basis: 'lifecycle',
  allowBasisFallback: true,
  defaultUtilization: 0.5,
  idlePowerFraction: 0.11,
  unknownAcceleratorPowerW: 200,
  unknownAcceleratorEmbodiedKgCo2e: 150,
  hostOverheadFraction: 0,
  defaultPue: 1.56,
  defaultWueLPerKwh: 0.84,
  defaultEwifLPerKwh: 3.14,
  worldAverageGCo2ePerKwh: 475,
  worldAverageBasis: 'lifecycle',
  embodiedLifetimeYears: 4,
});

/** Sources for the defaults above, printed into factorRefs when a default is used. */
export const DEFAULT_SOURCES = {
  defaultPue: 'Uptime Institute Global Data Center Survey 2024 (average PUE 1.56)',
  defaultWueLPerKwh:
    'Industry-average WUE 0.84 L/kWh as quoted by Amazon sustainability (AWS cloud page, 2024)',
  defaultEwifLPerKwh:
    'Reig et al. 2020, WRI Guidance for Calculating Water Use Embedded in Purchased Electricity (US 3.14 L/kWh)',
  worldAverageGCo2ePerKwh:
    'IEA Global Energy & CO2 Status Report 2019 (475 g/kWh), as used by CodeCarbon and Green Algorithms',
  unknownAcceleratorPowerW: 'Green Algorithms TDP_gpu.csv "Any" GPU, 200 W (CC BY 4.0)',
  unknownAcceleratorEmbodiedKgCo2e:
    'Cloud Carbon Footprint ccf-coefficients: 150 kg CO2e per GPU card (Apache-2.0)',
} as const;
