import type { TProvider } from '@/lib/schemas/usage-record';
import type {
  AcceleratorSpec,
  EwifFactor,
  FactorBasis,
  FactorGranularity,
  FactorLibrary,
  GridFactor,
  InstanceTypeSpec,
  LocationFactor,
  NameAliasEntry,
  ProviderDefault,
} from './factor-library-types';
import { normalizeCountryKey, normalizeKey, normalizeZone } from './normalize-key';
import { buildPeriodSeries, type PeriodSeries } from './period-series';
import { acceleratorKey } from './resolve-accelerator';
import { instanceTypeKey } from './resolve-instance-type';

/** A FactorLibrary plus lookup structures; build once per library with `indexFactorLibrary`. */
export interface IndexedFactorLibrary {
  readonly indexed: true;
  library: FactorLibrary;
  /** key `acceleratorKey(id | name | alias)` (lib/emissions/resolve-accelerator.ts) */
  acceleratorsByKey: Map<string, AcceleratorSpec>;
  /** key `${provider}|${normalizeKey(region)}` */
  locationsByProviderRegion: Map<string, LocationFactor>;
  /** key normalizeKey(region) → all providers' locations with that code */
  locationsByRegion: Map<string, LocationFactor[]>;
  /** key `${ZONE}|${basis}|${granularity}` */
  gridSeries: Map<string, PeriodSeries>;
  /** every zone that has at least one grid factor (upper case) */
  gridZones: Set<string>;
  /** key `${ZONE}` → residual mixes for that market, any basis */
  residualSeries: Map<string, PeriodSeries>;
  ewifByZone: Map<string, EwifFactor>;
  providerDefaults: Map<TProvider, ProviderDefault>;
  /** key normalizeCountryKey(alpha-2, alpha-3 or English name) → the ISO alpha-2 code and which form matched */
  countriesByKey: Map<string, CountryKeyHit>;
  /** key `instanceTypeKey(name)` → the instance types of every provider with that name (resolve-instance-type.ts) */
  instanceTypesByName: Map<string, InstanceTypeSpec[]>;
  /** key `acceleratorKey(alias)` → the catalog entry an organisation alias names (aliases whose target exists) */
  acceleratorAliases: Map<string, AcceleratorSpec>;
  /** key normalizeKey(alias) → the organisation's region alias */
  regionAliases: Map<string, NameAliasEntry>;
}

export interface CountryKeyHit {
  alpha2: string;
  form: 'alpha2' | 'alpha3' | 'name';
}

/** Alpha-2 codes first, then alpha-3, then names: a key taken by an earlier form is not overwritten. */
function indexCountries(library: FactorLibrary): Map<string, CountryKeyHit> {
  const out = new Map<string, CountryKeyHit>();
  const countries = library.countries ?? [];
  const add = (key: string, hit: CountryKeyHit) => {
    if (key && !out.has(key)) {
      out.set(key, hit);
    }
  };
  for (const c of countries) {
    add(normalizeCountryKey(c.alpha2), { alpha2: c.alpha2.toUpperCase(), form: 'alpha2' });
  }
  for (const c of countries) {
    add(normalizeCountryKey(c.alpha3), { alpha2: c.alpha2.toUpperCase(), form: 'alpha3' });
  }
  for (const c of countries) {
    for (const name of c.names) {
      add(normalizeCountryKey(name), { alpha2: c.alpha2.toUpperCase(), form: 'name' });
    }
  }
  return out;
}

export const seriesKey = (zone: string, basis: FactorBasis, granularity: FactorGranularity) =>
  `${normalizeZone(zone)}|${basis}|${granularity}`;

const cache = new WeakMap<FactorLibrary, IndexedFactorLibrary>();

function groupSeries(factors: readonly GridFactor[], keyOf: (f: GridFactor) => string) {
  const groups = new Map<string, GridFactor[]>();
  for (const factor of factors) {
    const key = keyOf(factor);
    const list = groups.get(key);
    if (list) {
      list.push(factor);
    } else {
      groups.set(key, [factor]);
    }
  }
  const out = new Map<string, PeriodSeries>();
  for (const [key, list] of groups) {
    out.set(key, buildPeriodSeries(list));
  }
  return out;
}

/**
 * Indexes a library (alias map, per-zone sorted series with running integrals). O(n log n) once; the result is
 * cached per library object, so passing the same plain library to the engine repeatedly is also cheap.
 */
export function indexFactorLibrary(library: FactorLibrary): IndexedFactorLibrary {
  const cached = cache.get(library);
  if (cached) {
    return cached;
  }
  const acceleratorsByKey = new Map<string, AcceleratorSpec>();
  for (const spec of library.accelerators) {
    for (const name of [spec.id, spec.name, ...spec.aliases]) {
      const key = acceleratorKey(name);
      if (!acceleratorsByKey.has(key)) {
        acceleratorsByKey.set(key, spec);
      }
    }
  }
  const locationsByProviderRegion = new Map<string, LocationFactor>();
  const locationsByRegion = new Map<string, LocationFactor[]>();
  for (const location of library.locations) {
    const region = normalizeKey(location.regionCode);
    locationsByProviderRegion.set(`${location.provider}|${region}`, location);
    locationsByRegion.set(region, [...(locationsByRegion.get(region) ?? []), location]);
  }
  const instanceTypesByName = new Map<string, InstanceTypeSpec[]>();
  for (const spec of library.instanceTypes ?? []) {
    const key = instanceTypeKey(spec.name);
    instanceTypesByName.set(key, [...(instanceTypesByName.get(key) ?? []), spec]);
  }
  const acceleratorAliases = new Map<string, AcceleratorSpec>();
  const regionAliases = new Map<string, NameAliasEntry>();
  for (const alias of library.nameAliases ?? []) {
    if (alias.kind === 'accelerator') {
      const target = acceleratorsByKey.get(acceleratorKey(alias.target));
      if (target) {
        acceleratorAliases.set(acceleratorKey(alias.alias), target);
      }
    } else if (alias.kind === 'region') {
      regionAliases.set(normalizeKey(alias.alias), alias);
    }
    // Model aliases (issue #21) are read by the AI-services estimate (`modelAliasMap`), not here.
  }
  const indexed: IndexedFactorLibrary = {
    indexed: true,
    library,
    acceleratorsByKey,
    locationsByProviderRegion,
    locationsByRegion,
    gridSeries: groupSeries(library.gridFactors, (f) => seriesKey(f.zone, f.basis, f.granularity)),
    gridZones: new Set(library.gridFactors.map((f) => normalizeZone(f.zone))),
    residualSeries: groupSeries(library.residualMixes, (f) => normalizeZone(f.zone)),
    ewifByZone: new Map(library.ewif.map((e) => [normalizeZone(e.zone), e])),
    providerDefaults: new Map(library.providerDefaults.map((d) => [d.provider, d])),
    countriesByKey: indexCountries(library),
    instanceTypesByName,
    acceleratorAliases,
    regionAliases,
  };
  cache.set(library, indexed);
  return indexed;
}

/** Accepts a plain or an indexed library. */
export function ensureIndexed(library: FactorLibrary | IndexedFactorLibrary): IndexedFactorLibrary {
  return 'indexed' in library ? library : indexFactorLibrary(library);
}
