/**
 * Intensity helpers (functional-unit metrics). All return null when the denominator is 0 or missing, so a
 * report never shows "per request" figures computed from an unknown request count.
 */

/** g CO2e per 1,000 requests from a total in kg. */
export function gCo2ePer1kRequests(kgCo2e: number, requests: number | undefined): number | null {
  return requests && requests > 0 ? (kgCo2e * 1000 * 1000) / requests : null;
}

/** g CO2e per 1,000,000 tokens from a total in kg. */
export function gCo2ePer1mTokens(kgCo2e: number, tokens: number | undefined): number | null {
  return tokens && tokens > 0 ? (kgCo2e * 1000 * 1_000_000) / tokens : null;
}

/** Wh per 1,000 requests from IT or facility kWh (state which in the label). */
export function whPer1kRequests(energyKwh: number, requests: number | undefined): number | null {
  return requests && requests > 0 ? (energyKwh * 1000 * 1000) / requests : null;
}

export interface SciInput {
  /** E: energy in kWh (facility energy when the data centre is inside the boundary). */
  energyKwh: number;
  /** I: location-based intensity, g CO2e/kWh (SCI allows no market instruments). */
  intensityGCo2ePerKwh: number;
  /** M: amortised embodied emissions, g CO2e. */
  embodiedGCo2e: number;
  /** R: number of functional units (requests, tokens, training runs …). */
  functionalUnits: number;
}

/** SCI (ISO/IEC 21031:2024) = (E × I + M) per R, in g CO2e per functional unit; null when R ≤ 0. */
export function computeSciGCo2ePerUnit(input: SciInput): number | null {
  if (!(input.functionalUnits > 0)) {
    return null;
  }
  return (input.energyKwh * input.intensityGCo2ePerKwh + input.embodiedGCo2e) / input.functionalUnits;
}
