import type { TProvider, TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { AssumptionFlag } from './assumption-flags';
import type { LocationFactor } from './factor-library-types';
import type { IndexedFactorLibrary } from './index-factor-library';
import { normalizeKey, normalizeZone } from './normalize-key';

export interface ResolvedLocation {
  location: LocationFactor | null;
  provider: TProvider | null;
  gridZone: string | null;
  countryCode: string | null;
  flags: AssumptionFlag[];
}

/** Country part of a zone id: `US-MIDA-PJM` → `US`, `FR` → `FR` (Electricity Maps / ISO 3166 convention). */
export function countryOfZone(zone: string): string | null {
  const head = normalizeZone(zone).split('-')[0] ?? '';
  return /^[A-Z]{2}$/.test(head) ? head : null;
}

/**
 * Region → grid zone: (provider, region) in the location table; else a region code unique across providers;
 * else the region read as a grid zone or country code (on-premise rows, e.g. `FR`, `US-CAL-CISO`).
 */
export function resolveLocation(record: TUsageRecordInput, library: IndexedFactorLibrary): ResolvedLocation {
  const provider = record.provider ?? null;
  if (!record.region) {
    return { location: null, provider, gridZone: null, countryCode: null, flags: ['LOCATION_UNKNOWN'] };
  }
  const key = normalizeKey(record.region);
  let location = provider ? library.locationsByProviderRegion.get(`${provider}|${key}`) : undefined;
  if (!location) {
    const candidates = library.locationsByRegion.get(key) ?? [];
    const zones = new Set(candidates.map((c) => normalizeZone(c.gridZone)));
    if (zones.size === 1 && (!provider || candidates.some((c) => c.provider === provider))) {
      location = candidates[0];
    }
  }
  if (location) {
    return {
      location,
      provider: provider ?? location.provider,
      gridZone: normalizeZone(location.gridZone),
      countryCode: location.countryCode ?? countryOfZone(location.gridZone),
      flags: [],
    };
  }
  const zone = normalizeZone(record.region);
  const country = countryOfZone(zone);
  if (library.gridZones.has(zone) || (country && library.gridZones.has(country))) {
    return { location: null, provider, gridZone: zone, countryCode: country, flags: [] };
  }
  return { location: null, provider, gridZone: null, countryCode: null, flags: ['LOCATION_UNKNOWN'] };
}
