import type { TProvider } from '@/lib/schemas/usage-record';

/** Emission-factor basis: direct (combustion only, GHG Protocol Scope 2 convention) or life-cycle. */
export type FactorBasis = 'direct' | 'lifecycle';

/** Time resolution of a grid factor; its period is always half-open [periodStart, periodEnd). */
export type FactorGranularity = 'yearly' | 'monthly' | 'hourly';

/** One accelerator model. Power in W per device, memory in GB, embodied kg CO2e per device (cradle-to-gate). */
export interface AcceleratorSpec {
  id: string;
  name: string;
  /** Alternative spellings; matched case-, space-, dash- and underscore-insensitively. */
  aliases: string[];
  tdpW: number;
  /** Idle draw in W; null means "use settings.idlePowerFraction × TDP". */
  idleW: number | null;
  memoryGb: number | null;
  embodiedKgCo2e: number;
  embodiedLowKgCo2e: number;
  embodiedHighKgCo2e: number;
  source: string;
  datasetVersion: string;
}

/** A place where workloads run: a cloud region, or a grid zone/country for on-premise sites. */
export interface LocationFactor {
  provider: TProvider;
  regionCode: string;
  gridZone: string;
  countryCode: string | null;
  /** Provider-published PUE for this region/campus (dimensionless), null when none is published. */
  pue: number | null;
  /** Provider-published on-site WUE in L per IT kWh, null when none is published. */
  wueLPerKwh: number | null;
  source: string;
  datasetVersion: string;
}

/** One ISO 3166-1 country: codes and the English names (CLDR and common alternates) it may be written as. */
export interface CountryName {
  alpha2: string;
  alpha3: string;
  names: string[];
}

/**
 * Whole-instance power from a source's model at idle, 50 % and 100 % load, W per instance (accelerators, CPU, DRAM
 * and overhead together), with the source it came from.
 */
export interface InstanceHostPower {
  idleW: number;
  halfLoadW: number;
  fullLoadW: number;
  source: string;
}

/** One cloud instance (machine, VM) type: the accelerator it carries and how many (reference/instance-types). */
export interface InstanceTypeSpec {
  provider: TProvider;
  /** The provider's type name as published (`p4d.24xlarge`, `a3-highgpu-8g`, `Standard_ND96isr_H100_v5`). */
  name: string;
  /** Catalog id of the accelerator (`AcceleratorSpec.id`). */
  acceleratorId: string;
  /** Accelerators per instance; a fraction for GPU partitions (Azure NV A10 v5); null when not sourced. */
  acceleratorCount: number | null;
  vcpus: number | null;
  memoryGib: number | null;
  /** Null when no source gives the instance's power (most rows). */
  hostPower: InstanceHostPower | null;
  source: string;
  datasetVersion: string;
}

/** Grid (or residual-mix) carbon intensity for one zone and half-open period. */
export interface GridFactor {
  id: string;
  zone: string;
  granularity: FactorGranularity;
  periodStart: Date;
  periodEnd: Date;
  gCo2ePerKwh: number;
  basis: FactorBasis;
  source: string;
  licence: string;
  datasetVersion: string;
}

/** Electricity water intensity factor (water consumed to generate 1 kWh), L per kWh, for a zone or country. */
export interface EwifFactor {
  id: string;
  zone: string;
  lPerKwh: number;
  source: string;
  datasetVersion: string;
}

/** Fleet-wide values published by a provider, used when the region has no published value. */
export interface ProviderDefault {
  provider: TProvider;
  pue: number | null;
  pueSource: string;
  wueLPerKwh: number | null;
  wueSource: string;
  datasetVersion: string;
}

/**
 * An organisation's name for an accelerator or a location that the catalog does not know (docs/decisions/factors.md
 * F11). `target` is a catalog accelerator id or name (kind `accelerator`), or a region text the location table
 * resolves (kind `region`: a cloud region code, grid zone id or country code; `targetProvider` pins the provider).
 */
export interface NameAliasEntry {
  kind: 'accelerator' | 'region' | 'model';
  alias: string;
  target: string;
  targetProvider: TProvider | null;
}

/** Everything the engine needs besides the records, as plain arrays (serialisable, seedable). */
export interface FactorLibrary {
  accelerators: AcceleratorSpec[];
  locations: LocationFactor[];
  gridFactors: GridFactor[];
  /** Residual-mix factors for market-based Scope 2 (AIB, Green-e); usually org-supplied. */
  residualMixes: GridFactor[];
  ewif: EwifFactor[];
  providerDefaults: ProviderDefault[];
  /**
   * ISO 3166-1 table for reading alpha-3 codes and English country names as locations (`FRA`, `France`).
   * Optional: without it only alpha-2 codes and grid zone ids are recognised.
   */
  countries?: CountryName[];
  /** Cloud instance types (reference/instance-types). Optional: without it no instance type resolves. */
  instanceTypes?: InstanceTypeSpec[];
  /** The organisation's name aliases, consulted only when the catalog does not know a name (F11). */
  nameAliases?: NameAliasEntry[];
}
