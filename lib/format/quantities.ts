// Display formatting at the edge: stored values are canonical (kWh, kg CO2e, L); these convert for display only.

const numberFormat = (maximumFractionDigits: number) =>
  new Intl.NumberFormat('en-GB', { maximumFractionDigits, minimumFractionDigits: 0 });

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
  return new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 }).format(value);
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
