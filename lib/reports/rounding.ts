/**
 * Presentation rounding, applied once when the report model is built (aggregates stay unrounded).
 * Rule: half away from zero, fixed decimals per unit (DECIMALS). Rows are rounded independently, so rounded rows
 * may differ from the rounded total in the last digit; totals are always computed from unrounded values.
 */
export const DECIMALS: Record<string, number> = {
  tCO2e: 3,
  MWh: 3,
  'm³': 3,
  // The per-AI-service table (section 5) is in small units: a service's quarter is often a few kilograms.
  kgCO2e: 3,
  kWh: 3,
  L: 3,
  '%': 1,
  'gCO2e/1k requests': 3,
  'gCO2e/1M tokens': 3,
  PUE: 3,
  'gCO2e/kWh': 1,
  'device-hours': 1,
  records: 0,
  count: 0,
  requests: 0,
  tokens: 0,
  illustrative: 1,
};

export const ROUNDING_RULE =
  'Figures are computed unrounded and rounded once for presentation, half away from zero: tCO2e, MWh and m³ to 3 ' +
  'decimals, percentages to 1, intensities per functional unit to 3, factor values as published. Rows are ' +
  'rounded independently, so a column may differ from its rounded total in the last digit.';

export function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON)) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Rounds by unit (3 decimals when the unit is unknown); null stays null. */
export function roundFor(value: number | null, unit: string): number | null {
  if (value === null || !Number.isFinite(value)) {
    return null;
  }
  return roundHalfAway(value, DECIMALS[unit] ?? 3);
}

export const toTonnes = (kg: number) => kg / 1000;
export const toMwh = (kwh: number) => kwh / 1000;
export const toM3 = (litres: number) => litres / 1000;

/** Percentage change from `previous` to `current`; null when there is no base to compare with. */
export function changePct(current: number, previous: number): number | null {
  return previous > 0 ? ((current - previous) / previous) * 100 : null;
}
