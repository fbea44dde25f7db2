/**
 * Default electricity price for cost deltas, USD per kWh. US EIA Electric Power Monthly (Table 5.3), average
 * retail price of electricity to the commercial sector, 2023: 12.74 US cents/kWh. A proxy: cloud prices are per
 * instance-hour and do not move with energy; the what-if panel lets the user enter the organisation's own price.
 */
export const DEFAULT_ELECTRICITY_PRICE_PER_KWH = 0.1274;
export const DEFAULT_ELECTRICITY_PRICE_CURRENCY = 'USD';
export const ELECTRICITY_PRICE_SOURCE =
  'US EIA Electric Power Monthly, Table 5.3: average commercial-sector retail price 2023, 12.74 ¢/kWh';

export const COST_ASSUMPTION =
  'Cost delta = facility energy delta × electricity price; instance/rental prices and time-of-use tariffs are not modelled.';
