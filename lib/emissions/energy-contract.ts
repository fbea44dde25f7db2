/** Contractual instrument types (GHG Protocol Scope 2 Guidance, market-based hierarchy). */
export const ENERGY_INSTRUMENT_TYPES = ['REC', 'GO', 'PPA', 'GREEN_TARIFF', 'SUPPLIER_RATE'] as const;
export type EnergyInstrumentType = (typeof ENERGY_INSTRUMENT_TYPES)[number];

/**
 * Order in which instruments are matched (lower first): certificates (REC/GO), then contracts (PPA), then
 * supplier programmes (green tariff) and supplier-specific rates; residual mix covers the rest (Scope 2 Guidance
 * Table 6.3 hierarchy, MR §11.1, docs/METHODOLOGY.md §4).
 */
export const INSTRUMENT_PRIORITY: Record<EnergyInstrumentType, number> = {
  REC: 1,
  GO: 1,
  PPA: 2,
  GREEN_TARIFF: 3,
  SUPPLIER_RATE: 4,
};

/** One energy contract or certificate bundle, valid for consumption in `marketZone` during [periodStart, periodEnd). */
export interface EnergyContractInput {
  id: string;
  /** Grid zone or country code of the market (matches a record's grid zone or country). */
  marketZone: string;
  periodStart: Date;
  periodEnd: Date;
  /** Volume covered, MWh (facility energy). */
  mwh: number;
  /** Emission rate of the instrument, g CO2e/kWh (0 for renewable EACs). */
  gCo2ePerKwh: number;
  instrumentType: EnergyInstrumentType;
}
