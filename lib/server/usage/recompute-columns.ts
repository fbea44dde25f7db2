import 'server-only';
import type { RecordFootprint } from '@/lib/emissions/footprint-types';

/**
 * The computed columns of usage_record that a recomputation rewrites: stored field name, SQL column and type,
 * and how to read the value from the engine's result. `restated` fields get a restatement entry when they change;
 * the others (provenance) are rewritten silently with them.
 */
export interface TComputedColumn {
  field: string;
  column: string;
  sqlType: 'text' | 'float8' | 'bool' | 'jsonb' | '"FactorBasis"';
  restated: boolean;
  read: (f: RecordFootprint) => unknown;
}

const col = (
  field: string,
  column: string,
  sqlType: TComputedColumn['sqlType'],
  restated: boolean,
  read: TComputedColumn['read'],
): TComputedColumn => ({ field, column, sqlType, restated, read });

export const COMPUTED_COLUMNS: readonly TComputedColumn[] = [
  col('itEnergyKwh', 'it_energy_kwh', 'float8', true, (f) => f.itEnergyKwh),
  col('facilityEnergyKwh', 'facility_energy_kwh', 'float8', true, (f) => f.energyKwh),
  col('pueApplied', 'pue_applied', 'float8', true, (f) => f.pue),
  col('intensityGCo2ePerKwh', 'intensity_g_co2e_per_kwh', 'float8', true, (f) => f.intensityGCo2ePerKwh),
  col('intensitySource', 'intensity_source', 'text', true, (f) => f.intensitySource),
  col('basis', 'basis', '"FactorBasis"', true, (f) => f.basis),
  col('locationKgCo2e', 'location_kg_co2e', 'float8', true, (f) => f.locationKgCo2e),
  col('marketKgCo2e', 'market_kg_co2e', 'float8', true, (f) => f.marketKgCo2e),
  col('embodiedKgCo2e', 'embodied_kg_co2e', 'float8', true, (f) => f.embodiedKgCo2e),
  col('waterOnsiteL', 'water_onsite_l', 'float8', true, (f) => f.waterOnsiteL),
  col('waterOffsiteL', 'water_offsite_l', 'float8', true, (f) => f.waterOffsiteL),
  col('uncertaintyLowKgCo2e', 'uncertainty_low_kg_co2e', 'float8', true, (f) => f.uncertaintyLowKgCo2e),
  col('uncertaintyHighKgCo2e', 'uncertainty_high_kg_co2e', 'float8', true, (f) => f.uncertaintyHighKgCo2e),
  col('gridZone', 'grid_zone', 'text', false, (f) => f.gridZone),
  col('countryCode', 'country_code', 'text', false, (f) => f.countryCode),
  col('acceleratorCatalogId', 'accelerator_catalog_id', 'text', false, (f) => f.acceleratorId),
  col('deviceHours', 'device_hours', 'float8', false, (f) => f.deviceHours),
  col('powerPerDeviceW', 'power_per_device_w', 'float8', false, (f) => f.powerPerDeviceW),
  col('marketMatchedKwh', 'market_matched_kwh', 'float8', false, (f) => f.marketMatchedKwh),
  col('isMeasured', 'is_measured', 'bool', false, (f) => f.isMeasured),
  col('marketAllocations', 'market_allocations', 'jsonb', false, (f) =>
    f.marketAllocations.length > 0 ? f.marketAllocations : null,
  ),
];

/**
 * The result fields stored in the record's factor set (lib/server/usage/factor-sets.ts), compared like the
 * columns; a changed one points the record at another set. `methodologyVersion` is restated as before.
 */
export const PROVENANCE_FIELDS: readonly Pick<TComputedColumn, 'field' | 'restated' | 'read'>[] = [
  { field: 'methodologyVersion', restated: true, read: (f) => f.methodologyVersion },
  { field: 'factorRefs', restated: false, read: (f) => f.factorRefs },
  { field: 'assumptionFlags', restated: false, read: (f) => [...f.assumptions] },
];

export const RESTATED_FIELDS = [...COMPUTED_COLUMNS, ...PROVENANCE_FIELDS]
  .filter((c) => c.restated)
  .map((c) => c.field);
