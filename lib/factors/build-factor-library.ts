import type { FactorLibrary, GridFactor } from '@/lib/emissions/factor-library-types';
import { parseAccelerators } from './parse-accelerators';
import { parseCountryNames } from './parse-country-names';
import { parseEwif } from './parse-ewif';
import {
  parseElectricityMapsDirect2024,
  parseElectricityMapsHourly,
  parseElectricityMapsLifecycleYearly,
  parseEmberCountryMonthly,
  parseEmberCountryYearly,
  parseIsoCountryCodes,
} from './parse-grid-factors';
import { parseInstanceTypes } from './parse-instance-types';
import { parseCloudRegionLocations, parseProviderDefaults } from './parse-locations';
import { parseEmberSubnational } from './parse-subnational-grid-factors';

/** Paths (relative to `reference/`) of the bundled files, keyed by role. */
export const BUNDLED_REFERENCE_FILES = {
  accelerators: 'accelerators/accelerators.csv',
  cloudRegions: 'cloud-regions/cloud_region_locations.csv',
  pueWue: 'grid/pue_wue_published.csv',
  isoCodes: 'grid/iso3166_country_codes.csv',
  emberYearly: 'grid/country_yearly_ember.csv',
  emberMonthly: 'grid/country_monthly_ember.csv',
  emberSubnationalYearly: 'grid/subnational_yearly_ember.csv',
  emberSubnationalMonthly: 'grid/subnational_monthly_ember.csv',
  emLifecycleYearly: 'grid/zone_yearly_2021_2025_electricitymaps_lca.csv',
  emDirect2024: 'grid/zone_yearly_2024_electricitymaps.csv',
  ewif: 'water/ewif.csv',
  instanceTypes: 'instance-types/instance-types.csv',
} as const;

/** Hourly profiles bundled under `reference/grid/hourly/`. */
export const BUNDLED_HOURLY_FILES = [
  'grid/hourly/DE_2023_hourly_electricitymaps.csv',
  'grid/hourly/FR_2023_hourly_electricitymaps.csv',
  'grid/hourly/GB_2023_hourly_electricitymaps.csv',
  'grid/hourly/US-CAL-CISO_2023_hourly_electricitymaps.csv',
  'grid/hourly/US-MIDA-PJM_2023_hourly_electricitymaps.csv',
] as const;

export type BundledReferenceTexts = Record<keyof typeof BUNDLED_REFERENCE_FILES, string> & {
  hourly: string[];
};

/**
 * Pure: file texts → FactorLibrary. Grid-factor order is the priority for overlapping periods of the same zone,
 * basis and granularity (first wins): Electricity Maps (consumption-based, same source as the hourly data) before
 * Ember (production-based), which then fills countries/years Electricity Maps lacks.
 */
export function buildFactorLibrary(texts: BundledReferenceTexts): FactorLibrary {
  const codes = parseIsoCountryCodes(texts.isoCodes);
  const electricityMaps: GridFactor[] = [
    ...texts.hourly.flatMap((text) => parseElectricityMapsHourly(text)),
    ...parseElectricityMapsLifecycleYearly(texts.emLifecycleYearly),
    ...parseElectricityMapsDirect2024(texts.emDirect2024),
  ];
  // US state zones (`US-OR`) from Ember sub-national data, except states Electricity Maps already has as zones.
  const emZones = new Set(electricityMaps.map((f) => f.zone));
  const gridFactors: GridFactor[] = [
    ...electricityMaps,
    ...parseEmberCountryMonthly(texts.emberMonthly, codes),
    ...parseEmberCountryYearly(texts.emberYearly, codes),
    ...parseEmberSubnational(texts.emberSubnationalMonthly, 'monthly', emZones),
    ...parseEmberSubnational(texts.emberSubnationalYearly, 'yearly', emZones),
  ];
  return {
    accelerators: parseAccelerators(texts.accelerators),
    locations: parseCloudRegionLocations(texts.cloudRegions, texts.pueWue),
    gridFactors,
    residualMixes: [],
    ewif: parseEwif(texts.ewif),
    providerDefaults: parseProviderDefaults(texts.pueWue),
    countries: parseCountryNames(texts.isoCodes),
    instanceTypes: parseInstanceTypes(texts.instanceTypes),
  };
}
