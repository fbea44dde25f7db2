// Where a record ran, as people read it (records list, record detail, overview and filter labels, report preview
// and PDF). Stored regions are codes: cloud regions (`us-east-1`), grid zones, and ISO 3166-1 country codes: an
// on-premise site's country (`DE`), an on-device row's country, or the EcoLogits mix zone an AI-service row was
// estimated in (`USA`, alpha-3). Country codes read as the country's English name; cloud regions keep their code
// after the provider's name ("AWS us-east-1"), as the providers' consoles show them. Exports keep the raw codes.
// The package's browser entry: its Node entry loads every locale's names, and we only need its code table.
import { alpha3ToAlpha2, isValid } from 'i18n-iso-countries/index';
import type { TProvider } from '@/lib/schemas/usage-record';
import { PROVIDER_LABELS } from './provider-label';

/** Providers whose regions are the provider's own lower-case codes (GCP's multi-region `us` is not a country). */
const CLOUDS: ReadonlySet<string> = new Set<TProvider>(['aws', 'gcp', 'azure', 'oci']);

// CLDR English names (Node and browsers ship full ICU): "United States", "South Korea", "Tanzania".
const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** Shown when a record names neither a provider we can print nor a region. */
export const PLACE_NOT_STATED = 'Location not stated';

/**
 * English name of an ISO 3166-1 alpha-2 or alpha-3 country code (`US`, `USA` → "United States"), null for anything
 * else (a cloud region, a grid zone, EcoLogits' `WOR`). Upper case only unless `anyCase`: cloud providers write their
 * regions in lower case, so `us` of a cloud is a region while an on-premise `de` is a country.
 */
export function countryName(code: string, anyCase = false): string | null {
  const trimmed = code.trim();
  if (!/^[A-Za-z]{2,3}$/.test(trimmed) || (!anyCase && trimmed !== trimmed.toUpperCase())) {
    return null;
  }
  const upper = trimmed.toUpperCase();
  // Only assigned codes: Intl would also name private-use ones (`ZZ` "Unknown Region", `XA`).
  if (!isValid(upper)) {
    return null;
  }
  const alpha2 = upper.length === 3 ? alpha3ToAlpha2(upper) : upper;
  return alpha2 ? (REGION_NAMES.of(alpha2) ?? null) : null;
}

/** A region as people read it: a country code as the country's name, any other region as stored. */
export function regionLabel(region: string, provider?: string | null): string {
  return countryName(region, !CLOUDS.has(provider ?? '')) ?? region;
}

export interface TPlace {
  provider: string | null;
  region: string | null;
}

/**
 * "AWS us-east-1", "On-premise, Germany", "Edge, France"; provider `other` (model vendors' own APIs and anything
 * else) prints no provider: "United States". The AI service is named in its own column or dimension, and the
 * country is the electricity mix the estimate used, not a site the vendor disclosed, so "OpenAI data centres in
 * the United States" would claim more than we know (docs/decisions/ai-services.md).
 */
export function placeLabel(place: TPlace): string {
  const providerName =
    place.provider && place.provider !== 'other'
      ? (PROVIDER_LABELS[place.provider as TProvider] ?? place.provider)
      : null;
  const region = place.region?.trim() ? place.region.trim() : null;
  if (!region) {
    return providerName ?? PLACE_NOT_STATED;
  }
  const country = countryName(region, !CLOUDS.has(place.provider ?? ''));
  if (!providerName) {
    return country ?? region;
  }
  return country ? `${providerName}, ${country}` : `${providerName} ${region}`;
}

/** `placeLabel` with the stored code after a country name, for pages that list every input: "United States (USA)". */
export function placeLabelWithCode(place: TPlace): string {
  const label = placeLabel(place);
  const region = place.region?.trim();
  return region && !label.includes(region) ? `${label} (${region})` : label;
}
