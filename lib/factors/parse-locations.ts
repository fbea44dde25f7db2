import type { LocationFactor, ProviderDefault } from '@/lib/emissions/factor-library-types';
import { PROVIDERS, type TProvider } from '@/lib/schemas/usage-record';
import { csvRows, numberOrNull } from './csv-rows';

export const LOCATIONS_VERSION = 'ai-footprint-cloud-regions@2026.11';
export const PUE_WUE_VERSION = 'pue_wue_published@2026-11';

const asProvider = (value: string | undefined): TProvider | null =>
  (PROVIDERS as readonly string[]).includes(value ?? '') ? (value as TProvider) : null;

interface Published {
  values: number[];
  sources: string[];
}

/** Mean of the published values per (provider, region, metric); several campuses can map to one region. */
function regionalValues(pueWueText: string): Map<string, Published> {
  const out = new Map<string, Published>();
  for (const row of csvRows(pueWueText)) {
    const value = numberOrNull(row.value);
    if (!row.cloud_regions_approx || value === null) {
      continue;
    }
    for (const region of row.cloud_regions_approx.split(';')) {
      const key = `${row.provider}|${region.trim()}|${row.metric}`;
      const entry = out.get(key) ?? { values: [], sources: [] };
      entry.values.push(value);
      entry.sources.push(
        `${row.metric} ${value} ${row.location} (${row.period}; ${row.primary_source_url || row.via})`,
      );
      out.set(key, entry);
    }
  }
  return out;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Cloud-region locations (`cloud_region_locations.csv`) joined with provider-published regional PUE/WUE
 * (`pue_wue_published.csv`; campus values averaged per region).
 */
export function parseCloudRegionLocations(regionsText: string, pueWueText: string): LocationFactor[] {
  const published = regionalValues(pueWueText);
  const out: LocationFactor[] = [];
  for (const row of csvRows(regionsText)) {
    const provider = asProvider(row.provider);
    if (!provider || !row.region_code || !row.grid_zone) {
      continue;
    }
    const pue = published.get(`${provider}|${row.region_code}|PUE`);
    const wue = published.get(`${provider}|${row.region_code}|WUE`);
    const sources = [`location: ${row.source}`, ...(pue?.sources ?? []), ...(wue?.sources ?? [])];
    out.push({
      provider,
      regionCode: row.region_code,
      gridZone: row.grid_zone,
      countryCode: row.country_code || null,
      pue: pue ? mean(pue.values) : null,
      wueLPerKwh: wue ? mean(wue.values) : null,
      source: sources.join('; '),
      datasetVersion: `${LOCATIONS_VERSION}+${PUE_WUE_VERSION}`,
    });
  }
  return out;
}

const yearOf = (period: string | undefined) => Number(/\d{4}/.exec(period ?? '')?.[0] ?? 0);

/**
 * Provider fleet defaults: the most recent global fleet PUE and WUE per provider (design values excluded),
 * from `pue_wue_published.csv`. Ties keep the first row.
 */
export function parseProviderDefaults(pueWueText: string): ProviderDefault[] {
  const best = new Map<string, { value: number; year: number; source: string }>();
  for (const row of csvRows(pueWueText)) {
    const provider = asProvider(row.provider);
    const value = numberOrNull(row.value);
    if (
      !provider ||
      value === null ||
      row.scope !== 'fleet' ||
      row.location !== 'global' ||
      row.value_type === 'design'
    ) {
      continue;
    }
    const key = `${provider}|${row.metric}`;
    const year = yearOf(row.period);
    const current = best.get(key);
    if (!current || year > current.year) {
      const source = `${provider} fleet ${row.metric} ${value} (${row.period}; ${row.primary_source_url || row.via})`;
      best.set(key, { value, year, source });
    }
  }
  const providers = [...new Set([...best.keys()].map((k) => k.split('|')[0] as TProvider))];
  return providers.map((provider) => {
    const pue = best.get(`${provider}|PUE`);
    const wue = best.get(`${provider}|WUE`);
    return {
      provider,
      pue: pue?.value ?? null,
      pueSource: pue?.source ?? '',
      wueLPerKwh: wue?.value ?? null,
      wueSource: wue?.source ?? '',
      datasetVersion: PUE_WUE_VERSION,
    };
  });
}
