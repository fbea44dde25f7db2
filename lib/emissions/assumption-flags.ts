/**
 * Flag codes recorded in `RecordFootprint.assumptions` whenever an estimate, default or fallback was used.
 * Rule from the methodology reference (MR §14, docs/METHODOLOGY.md "Assumption flags"): never default silently. Codes are stable API (stored in the DB).
 */
export const ASSUMPTION_FLAGS = {
  ENERGY_FROM_REQUESTS: 'IT energy modelled as requests × energy per request (not metered).',
  ENERGY_FROM_STATED_POWER: 'IT energy = device-hours × stated average power per device (not metered).',
  ENERGY_FROM_TDP_MODEL: 'IT energy modelled from catalog TDP and the utilisation model.',
  ENERGY_NO_INPUT: 'No energy, request or device-hour input: IT energy set to 0.',
  DEVICE_COUNT_DEFAULT: 'No accelerator count or accelerator-hours: one device over the run assumed.',
  ACCELERATOR_UNKNOWN: 'Accelerator missing or not in the catalog: default power and embodied values used.',
  UTILIZATION_DEFAULT: 'Utilisation not given: the default utilisation from settings was used.',
  IDLE_POWER_DEFAULT: 'Catalog has no idle power for this accelerator: idle = default fraction × TDP.',
  INSTANCE_COUNT_DEFAULT:
    'Instance type without an instance count or instance-hours: one instance over the run assumed.',
  INSTANCE_TYPE_UNKNOWN:
    'Instance type not in the instance table, or without a sourced accelerator count: one accelerator per instance assumed.',
  INSTANCE_HOST_FROM_TABLE:
    "Host energy (CPU, memory, overhead) added from the instance table's modelled whole-instance power minus the accelerators' power.",
  HOST_OVERHEAD_APPLIED: 'Host overhead (CPU, DRAM, network) added as a fraction of modelled device energy.',
  LOCATION_UNKNOWN: 'Provider/region not recognised: no grid zone, location-specific factors unavailable.',
  PUE_PROVIDER_DEFAULT: 'No region PUE: provider fleet PUE used.',
  PUE_INDUSTRY_DEFAULT: 'No provider PUE: industry-average (on-premise) PUE used.',
  PUE_NOT_DATA_CENTRE:
    'Edge or personal device (laptop, desktop), not in a data centre: PUE 1.0, no facility overhead added.',
  INTENSITY_ROW_OVERRIDE: 'Carbon intensity supplied on the row (basis assumed to be the report basis).',
  INTENSITY_NEAREST_YEAR: 'No factor for the run period: latest earlier yearly factor used.',
  INTENSITY_COUNTRY_FALLBACK: 'No factor for the grid zone: country factor used.',
  INTENSITY_WORLD_AVERAGE: 'No zone or country factor: world-average intensity used.',
  INTENSITY_BASIS_MISMATCH: 'No factor on the requested basis: the other basis was used (see result basis).',
  MARKET_RESIDUAL_MIX_UNAVAILABLE:
    'Market-based: no residual mix for the market, grid-average intensity used.',
  EMBODIED_NO_DEVICE_HOURS: 'No device-hours known: embodied emissions not estimated (0).',
  EMBODIED_EDGE_DEVICE_UNKNOWN:
    'Edge or personal device not in the catalog: the data-centre accelerator default does not apply, embodied not estimated (0).',
  WUE_PROVIDER_DEFAULT: 'No region WUE: provider fleet WUE used.',
  WUE_INDUSTRY_DEFAULT: 'No provider WUE: industry-average WUE used.',
  WUE_NOT_DATA_CENTRE: 'Edge or personal device, not in a data centre: no on-site cooling water (WUE 0).',
  EWIF_COUNTRY_FALLBACK: 'No EWIF for the grid zone: country EWIF used.',
  EWIF_DEFAULT: 'No EWIF for the zone or country: default EWIF (US average) used.',
} as const;

export type AssumptionFlag = keyof typeof ASSUMPTION_FLAGS;

export const ASSUMPTION_FLAG_CODES = Object.keys(ASSUMPTION_FLAGS) as AssumptionFlag[];
