/** Sums of one model's token-carrying records over a period (time-share apportioned by the caller). */
export interface TModelTokenTotals {
  model: string;
  /** AI service (openai, anthropic…); null for self-hosted inference. */
  service: string | null;
  /** Human name of the service ("OpenAI API"; reference/ai-services/providers.csv), when known. */
  serviceLabel?: string;
  tokens: number;
  /** Output tokens (AI services only); 0 when the records do not split tokens. */
  outputTokens: number;
  /** Facility energy (PUE included), kWh. */
  energyKwh: number;
  locationKgCo2e: number;
  marketKgCo2e: number;
  /** On-site + off-site water, L. */
  waterL: number;
}

/** One model's intensity per 1,000,000 tokens (and per 1M output tokens for AI services). */
export interface TModelTokenIntensity extends TModelTokenTotals {
  energyWhPer1mTokens: number;
  locationGCo2ePer1mTokens: number;
  marketGCo2ePer1mTokens: number;
  waterLPer1mTokens: number;
  /** Null without output tokens (self-hosted records carry one token count). */
  energyWhPer1mOutputTokens: number | null;
  locationGCo2ePer1mOutputTokens: number | null;
  marketGCo2ePer1mOutputTokens: number | null;
  waterLPer1mOutputTokens: number | null;
}

const PER_MILLION = 1_000_000;

/**
 * Operational intensity per 1M tokens per model: kWh × 1000 (Wh), kg × 1000 (g) and L divided by tokens, × 1e6.
 * Embodied emissions are left out (they are a share of server manufacture, not of the electricity the tokens used);
 * the SCI table of the report includes them. Models without tokens are dropped; sorted by location-based g per 1M
 * tokens, highest first. Pure.
 */
export function modelTokenIntensities(rows: readonly TModelTokenTotals[]): TModelTokenIntensity[] {
  const per = (amount: number, units: number) => (units > 0 ? (amount / units) * PER_MILLION : null);
  return rows
    .filter((r) => r.tokens > 0)
    .map((r) => {
      const out = r.service !== null && r.outputTokens > 0 ? r.outputTokens : 0;
      return {
        ...r,
        energyWhPer1mTokens: per(r.energyKwh * 1000, r.tokens) ?? 0,
        locationGCo2ePer1mTokens: per(r.locationKgCo2e * 1000, r.tokens) ?? 0,
        marketGCo2ePer1mTokens: per(r.marketKgCo2e * 1000, r.tokens) ?? 0,
        waterLPer1mTokens: per(r.waterL, r.tokens) ?? 0,
        energyWhPer1mOutputTokens: per(r.energyKwh * 1000, out),
        locationGCo2ePer1mOutputTokens: per(r.locationKgCo2e * 1000, out),
        marketGCo2ePer1mOutputTokens: per(r.marketKgCo2e * 1000, out),
        waterLPer1mOutputTokens: per(r.waterL, out),
      };
    })
    .sort(
      (a, b) =>
        b.locationGCo2ePer1mTokens - a.locationGCo2ePer1mTokens ||
        a.model.localeCompare(b.model) ||
        (a.service ?? '').localeCompare(b.service ?? ''),
    );
}
