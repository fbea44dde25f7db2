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

/** Where the price of a what-if or recommendation came from. */
export type TElectricityPriceSource = 'entered' | 'organisation' | 'default' | 'none';

export interface TElectricityPrice {
  /** Per facility kWh; 0 when `source` is 'none' (no cost is then shown). */
  pricePerKwh: number;
  /** The organisation's currency, or null when there is no price in it (costs are left out, never converted). */
  currency: string | null;
  source: TElectricityPriceSource;
}

/**
 * One currency per organisation (issue #23): a price typed into the what-if panel or saved in the organisation's
 * settings is in the organisation's currency; the sourced default is in USD and is used only when the
 * organisation's currency is USD. Otherwise no cost is estimated rather than a USD figure beside EUR carbon costs
 * (no exchange rate is assumed).
 */
export function resolveElectricityPrice(options: {
  entered: number | undefined;
  organisationPrice: number | null;
  currency: string;
}): TElectricityPrice {
  const { entered, organisationPrice, currency } = options;
  if (entered !== undefined) {
    return { pricePerKwh: entered, currency, source: 'entered' };
  }
  if (organisationPrice !== null) {
    return { pricePerKwh: organisationPrice, currency, source: 'organisation' };
  }
  if (currency === DEFAULT_ELECTRICITY_PRICE_CURRENCY) {
    return { pricePerKwh: DEFAULT_ELECTRICITY_PRICE_PER_KWH, currency, source: 'default' };
  }
  return { pricePerKwh: 0, currency: null, source: 'none' };
}

/** The source line of a scenario's price. */
export function electricityPriceSourceText(price: TElectricityPrice): string {
  switch (price.source) {
    case 'default':
      return ELECTRICITY_PRICE_SOURCE;
    case 'entered':
      return `Electricity price entered by the user: ${price.pricePerKwh} ${price.currency}/kWh`;
    case 'organisation':
      return `Electricity price from the organisation settings: ${price.pricePerKwh} ${price.currency}/kWh`;
    case 'none':
      return 'No electricity price in the organisation’s currency (Organisation settings): cost not estimated';
  }
}

/** The source line of the price a scenario's inputs carry. */
export function inputsPriceSourceText(inputs: {
  electricityPricePerKwh: number;
  currency: string | null;
  electricityPriceSource: TElectricityPriceSource;
}): string {
  return electricityPriceSourceText({
    pricePerKwh: inputs.electricityPricePerKwh,
    currency: inputs.currency,
    source: inputs.electricityPriceSource,
  });
}
