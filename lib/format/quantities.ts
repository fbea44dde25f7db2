// Display formatting at the edge: stored values are canonical (kWh, kg CO2e, L); these convert for display only.

// Formatters are built once: constructing an Intl.NumberFormat costs far more than formatting with one, and the
// overview formats thousands of numbers per render (profiled under load, issue #17 item 13).
const NUMBER_FORMATS = new Map<number, Intl.NumberFormat>();
const numberFormat = (maximumFractionDigits: number): Intl.NumberFormat => {
  let format = NUMBER_FORMATS.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { maximumFractionDigits, minimumFractionDigits: 0 });
    NUMBER_FORMATS.set(maximumFractionDigits, format);
  }
  return format;
};
const THREE_SIGNIFICANT = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });

/** A number with a sensible number of decimals for its size (3 significant digits below 100). */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs === 0) {
    return '0';
  }
  if (abs >= 100) {
    return numberFormat(0).format(value);
  }
  if (abs >= 10) {
    return numberFormat(1).format(value);
  }
  if (abs >= 1) {
    return numberFormat(2).format(value);
  }
  return THREE_SIGNIFICANT.format(value);
}

/** kg CO2e → "12.3 tCO2e" (tonnes = kg / 1000). */
export function formatTonnesCo2e(kgCo2e: number): string {
  return `${formatNumber(kgCo2e / 1000)} tCO₂e`;
}

/** kWh → "45.6 MWh" (MWh = kWh / 1000). */
export function formatMwh(kwh: number): string {
  return `${formatNumber(kwh / 1000)} MWh`;
}

/** L → "789 m³" (m³ = L / 1000). */
export function formatCubicMetres(litres: number): string {
  return `${formatNumber(litres / 1000)} m³`;
}

/** 0.42 → "42%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
