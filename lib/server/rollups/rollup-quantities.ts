/**
 * The additive per-record quantities that usage_rollup_daily / usage_rollup_monthly sum (column names, units in
 * each name), in table order. Shared by the dashboard's rollup reads and the rollup check, so a quantity added
 * to the rollups is read and checked everywhere.
 */
export const ROLLUP_QUANTITIES = [
  'device_hours',
  'it_energy_kwh',
  'facility_energy_kwh',
  'location_kg_co2e',
  'market_kg_co2e',
  'market_matched_kwh',
  'embodied_kg_co2e',
  'water_onsite_l',
  'water_offsite_l',
  'uncertainty_low_kg_co2e',
  'uncertainty_high_kg_co2e',
] as const;
