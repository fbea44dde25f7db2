import type { TProvider, TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { AssumptionFlag } from './assumption-flags';
import type { LocationFactor } from './factor-library-types';
import type { IndexedFactorLibrary } from './index-factor-library';
import { normalizeCountryKey, normalizeKey, normalizeZone } from './normalize-key';

/**
 * How a region text was recognised: a (provider, region) row of the location table; a region code unique across
 * providers; an availability zone of a listed region (`us-east-1a`, `us-central1-b`); a grid zone id with factors
 * (`US-CAL-CISO`, `FR`); an ISO 3166-1 alpha-2 or alpha-3 code or an English country name from the library's
 * country table.
 */
export type LocationMatch =
  | 'provider-region'
  | 'region'
  | 'availability-zone'
  | 'grid-zone'
  | 'country-alpha2'
  | 'country-alpha3'
  | 'country-name'
  | 'alias';

export interface ResolvedLocation {
  location: LocationFactor | null;
  provider: TProvider | null;
  gridZone: string | null;
  countryCode: string | null;
  /** null when the region is missing or not recognised (then flagged LOCATION_UNKNOWN). */
  matchedBy: LocationMatch | null;
  flags: AssumptionFlag[];
}

/**
 * Country part of a KNOWN zone id: `US-MIDA-PJM` → `US`, `FR` → `FR` (Electricity Maps / ISO 3166-2 convention).
 * Never applied to unknown text: `sa-saopaulo-1` is not Saudi Arabia.
 */
export function countryOfZone(zone: string): string | null {
  const head = normalizeZone(zone).split('-')[0] ?? '';
  return /^[A-Z]{2}$/.test(head) ? head : null;
}

const COUNTRY_MATCH = { alpha2: 'country-alpha2', alpha3: 'country-alpha3', name: 'country-name' } as const;

function unknown(provider: TProvider | null): ResolvedLocation {
  return {
    location: null,
    provider,
    gridZone: null,
    countryCode: null,
    matchedBy: null,
    flags: ['LOCATION_UNKNOWN'],
  };
}

/** (provider, region) row; else a region code whose rows all share one zone and include the given provider. */
function tableLocation(
  provider: TProvider | null,
  key: string,
  library: IndexedFactorLibrary,
): { location: LocationFactor; matchedBy: LocationMatch } | null {
  const exact = provider ? library.locationsByProviderRegion.get(`${provider}|${key}`) : undefined;
  if (exact) {
    return { location: exact, matchedBy: 'provider-region' };
  }
  const candidates = library.locationsByRegion.get(key) ?? [];
  const zones = new Set(candidates.map((c) => normalizeZone(c.gridZone)));
  const first = candidates[0];
  if (first && zones.size === 1 && (!provider || candidates.some((c) => c.provider === provider))) {
    return { location: first, matchedBy: 'region' };
  }
  return null;
}

/**
 * The one location resolution of the engine (uploads, API, CLI, CodeCarbon, what-if), pure over the library.
 * Order: the cloud-region table ((provider, region), then a region code unique across providers, then an
 * availability zone of such a region); a grid zone id that has factors; an ISO alpha-2/alpha-3 code or English
 * country name from the library's country table.
 * Then the organisation's region aliases (`library.nameAliases`), last, so an alias never re-maps a known name
 * (docs/decisions/factors.md F11); the alias target is resolved by the same rules, without aliases.
 * Anything else is LOCATION_UNKNOWN: a code is never read by its first letters (`sa-saopaulo-1` is not `SA`).
 */
export function resolveLocation(
  record: Pick<TUsageRecordInput, 'provider' | 'region'>,
  library: IndexedFactorLibrary,
): ResolvedLocation {
  const resolved = resolveKnownLocation(record, library);
  const alias =
    record.region && resolved.matchedBy === null
      ? library.regionAliases.get(normalizeKey(record.region))
      : undefined;
  if (!alias) {
    return resolved;
  }
  const provider = alias.targetProvider ?? record.provider;
  const target = resolveKnownLocation(
    provider ? { provider, region: alias.target } : { region: alias.target },
    library,
  );
  return target.matchedBy === null ? resolved : { ...target, matchedBy: 'alias' };
}

function resolveKnownLocation(
  record: Pick<TUsageRecordInput, 'provider' | 'region'>,
  library: IndexedFactorLibrary,
): ResolvedLocation {
  const provider = record.provider ?? null;
  if (!record.region?.trim()) {
    return unknown(provider);
  }
  const key = normalizeKey(record.region);
  // An AWS availability zone (`us-east-1a`) or a GCP zone (`us-central1-b`) is its region plus one letter.
  const zoneOf = /^(.*\d)[a-z]$/.exec(key)?.[1];
  const found = tableLocation(provider, key, library);
  const ofZone = !found && zoneOf ? tableLocation(provider, zoneOf, library) : null;
  const hit = found ?? (ofZone && { ...ofZone, matchedBy: 'availability-zone' as const });
  if (hit) {
    const { location } = hit;
    return {
      location,
      provider: provider ?? location.provider,
      gridZone: normalizeZone(location.gridZone),
      countryCode: location.countryCode ?? countryOfZone(location.gridZone),
      matchedBy: hit.matchedBy,
      flags: [],
    };
  }
  const zone = normalizeZone(record.region);
  if (library.gridZones.has(zone)) {
    return {
      location: null,
      provider,
      gridZone: zone,
      countryCode: countryOfZone(zone),
      matchedBy: 'grid-zone',
      flags: [],
    };
  }
  const country = library.countriesByKey.get(normalizeCountryKey(record.region));
  if (country) {
    return {
      location: null,
      provider,
      gridZone: country.alpha2,
      countryCode: country.alpha2,
      matchedBy: COUNTRY_MATCH[country.form],
      flags: [],
    };
  }
  return unknown(provider);
}
