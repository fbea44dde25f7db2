import type { TProvider } from '@/lib/schemas/usage-record';
import type { IndexedFactorLibrary } from '../index-factor-library';
import { resolveLocation } from '../resolve-location';
import type { TZoneOfRegion } from './estimate-ai-usage-row';

/** Cloud of the AI services hosted on one (reference/ai-services/providers.csv names). */
const CLOUD_OF_SERVICE: Record<string, TProvider> = {
  'azure-openai': 'azure',
  'aws-bedrock': 'aws',
  'google-vertex': 'gcp',
};

/** The cloud a service runs on (aws, azure, gcp), or 'other' for the model vendors' own APIs. */
export function cloudOfService(service: string | null): TProvider {
  return (service ? CLOUD_OF_SERVICE[service] : undefined) ?? 'other';
}

/**
 * Maps a usage row's cloud region to the EcoLogits mix zone (ISO alpha-3) through the factor library's region
 * catalog and ISO table (`swedencentral` → SE → SWE). Null when the region or its country is unknown: the row
 * then keeps the provider's default zone, flagged. Pure.
 */
export function createZoneOfRegion(library: IndexedFactorLibrary): TZoneOfRegion {
  const alpha3 = new Map((library.library.countries ?? []).map((c) => [c.alpha2, c.alpha3]));
  return (provider, region) => {
    const cloud = provider ? CLOUD_OF_SERVICE[provider] : undefined;
    const location = resolveLocation({ region, ...(cloud ? { provider: cloud } : {}) }, library);
    const country = location.matchedBy ? location.countryCode : null;
    return country ? (alpha3.get(country) ?? null) : null;
  };
}
