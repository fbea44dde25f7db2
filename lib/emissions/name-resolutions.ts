import type { TProvider, TUsageRecordInput } from '@/lib/schemas/usage-record';
import { ASSUMPTION_FLAGS } from './assumption-flags';
import { dependsOnCatalogPower } from './catalog-check';
import { type IndexedFactorLibrary, seriesKey } from './index-factor-library';
import { type AcceleratorMatchKind, matchAccelerator } from './resolve-accelerator';
import { resolveInstanceType } from './resolve-instance-type';
import { type LocationMatch, resolveLocation } from './resolve-location';

/**
 * The "Names in this file" table of the upload review and the CLI's "Resolved names" (issue #19): each distinct
 * accelerator, cloud instance type and region of a file with what the one resolution layer made of it. Pure over the library (which
 * carries the organisation's aliases), so the preview, the upload and the CLI cannot disagree.
 */
export interface NameResolution {
  /** `model`: an AI model name of a usage export, resolved against the LLM model repository (issue #21). */
  kind: 'accelerator' | 'instanceType' | 'region' | 'model';
  /** The name as the file writes it. */
  name: string;
  provider: TProvider | null;
  /** Rows of the file (or its previewed part) that use the name. */
  rows: number;
  resolved: boolean;
  /**
   * Unresolved and the upload would reject it: every unknown region, and an unknown accelerator that some row's
   * energy estimate depends on (no measured energy or stated power; lib/emissions/catalog-check.ts). An unknown
   * accelerator with measured energy only gets default embodied values, so it is shown but does not block.
   */
  blocking: boolean;
  /** How it matched, in words (never an enum code); null when unresolved. */
  matchedBy: string | null;
  /** Accelerators: the catalog entry; instance types: the catalog entry of their accelerator. */
  catalogId: string | null;
  catalogName: string | null;
  tdpW: number | null;
  /** Instance types: accelerators per instance (a fraction for GPU partitions). */
  acceleratorsPerInstance: number | null;
  /** Regions: the grid zone and country. */
  gridZone: string | null;
  countryCode: string | null;
  /** Regions: the newest yearly life-cycle intensity of the zone (or its country), with its source and year. */
  intensity: { gCo2ePerKwh: number; zone: string; year: number; source: string } | null;
  /** Source of the catalog entry (accelerators). */
  source: string | null;
  /** Assumptions, as sentences. */
  notes: string[];
}

const ACCELERATOR_MATCH: Record<AcceleratorMatchKind, string> = {
  catalog: 'Catalog name or alias',
  memory: 'Catalog name with its memory size',
  alias: 'Your organisation’s mapping',
};

const LOCATION_MATCH: Record<LocationMatch, string> = {
  'provider-region': 'Cloud region of the provider',
  region: 'Cloud region code',
  'availability-zone': 'Availability zone of a cloud region',
  'grid-zone': 'Grid zone',
  'country-alpha2': 'Country code (2 letters)',
  'country-alpha3': 'Country code (3 letters)',
  'country-name': 'Country name',
  alias: 'Your organisation’s mapping',
};

/** The fields a resolution of another kind leaves empty. */
export const EMPTY_RESOLUTION = {
  catalogId: null,
  catalogName: null,
  tdpW: null,
  acceleratorsPerInstance: null,
  gridZone: null,
  countryCode: null,
  intensity: null,
  source: null,
};

function newestYearly(library: IndexedFactorLibrary, zone: string): NameResolution['intensity'] {
  const series = library.gridSeries.get(seriesKey(zone, 'lifecycle', 'yearly'));
  const newest = series?.factors.at(-1);
  return newest
    ? {
        gCo2ePerKwh: newest.gCo2ePerKwh,
        zone: newest.zone,
        year: newest.periodStart.getUTCFullYear(),
        source: newest.source,
      }
    : null;
}

export function resolveAcceleratorName(
  library: IndexedFactorLibrary,
  name: string,
  rows: number,
  rowsNeedingCatalog = rows,
): NameResolution {
  const hit = matchAccelerator(library, name);
  if (!hit) {
    return {
      kind: 'accelerator',
      name,
      provider: null,
      rows,
      resolved: false,
      blocking: rowsNeedingCatalog > 0,
      matchedBy: null,
      ...EMPTY_RESOLUTION,
      notes: [ASSUMPTION_FLAGS.ACCELERATOR_UNKNOWN],
    };
  }
  return {
    kind: 'accelerator',
    name,
    provider: null,
    rows,
    resolved: true,
    blocking: false,
    matchedBy: ACCELERATOR_MATCH[hit.match],
    ...EMPTY_RESOLUTION,
    catalogId: hit.spec.id,
    catalogName: hit.spec.name,
    tdpW: hit.spec.tdpW,
    source: hit.spec.source,
    notes: hit.spec.idleW === null ? [ASSUMPTION_FLAGS.IDLE_POWER_DEFAULT] : [],
  };
}

/**
 * An instance type resolves by its exact published name (resolve-instance-type.ts) to its accelerator and count;
 * unknown (or with no sourced accelerator count) it blocks the upload, whose check rejects such rows: the device
 * count itself would be unknown. Instance types are not mapped by aliases: write the type as the provider
 * publishes it, or give `accelerator` and `accelerator_count` instead.
 */
export function resolveInstanceTypeName(
  library: IndexedFactorLibrary,
  name: string,
  provider: TProvider | null,
  rows: number,
): NameResolution {
  const hit = resolveInstanceType(library, provider ?? undefined, name);
  if (!hit || hit.spec.acceleratorCount === null) {
    return {
      kind: 'instanceType',
      name,
      provider,
      rows,
      resolved: false,
      blocking: true,
      matchedBy: null,
      ...EMPTY_RESOLUTION,
      notes: [
        hit
          ? 'No published accelerator count for this instance type: give accelerator and accelerator_count instead.'
          : 'Not in the instance-type table: write the type as the provider publishes it, or give accelerator and accelerator_count instead.',
      ],
    };
  }
  return {
    kind: 'instanceType',
    name,
    provider: hit.spec.provider,
    rows,
    resolved: true,
    blocking: false,
    matchedBy: 'Instance type of the provider',
    ...EMPTY_RESOLUTION,
    catalogId: hit.spec.acceleratorId,
    catalogName: hit.accelerator?.name ?? hit.spec.acceleratorId,
    tdpW: hit.accelerator?.tdpW ?? null,
    acceleratorsPerInstance: hit.spec.acceleratorCount,
    source: hit.spec.source,
    notes: hit.spec.hostPower ? [ASSUMPTION_FLAGS.INSTANCE_HOST_FROM_TABLE] : [],
  };
}

export function resolveRegionName(
  library: IndexedFactorLibrary,
  region: string,
  provider: TProvider | null,
  rows: number,
): NameResolution {
  const where = resolveLocation(provider ? { provider, region } : { region }, library);
  const zoneFactor = where.gridZone ? newestYearly(library, where.gridZone) : null;
  const countryFactor =
    !zoneFactor && where.countryCode && where.countryCode !== where.gridZone
      ? newestYearly(library, where.countryCode)
      : null;
  const notes = where.flags.map((f) => ASSUMPTION_FLAGS[f]);
  if (where.gridZone && !zoneFactor) {
    notes.push(
      countryFactor ? ASSUMPTION_FLAGS.INTENSITY_COUNTRY_FALLBACK : ASSUMPTION_FLAGS.INTENSITY_WORLD_AVERAGE,
    );
  }
  return {
    kind: 'region',
    name: region,
    provider: where.provider,
    rows,
    resolved: where.matchedBy !== null,
    blocking: where.matchedBy === null,
    matchedBy: where.matchedBy ? LOCATION_MATCH[where.matchedBy] : null,
    ...EMPTY_RESOLUTION,
    gridZone: where.gridZone,
    countryCode: where.countryCode,
    intensity: zoneFactor ?? countryFactor,
    source: where.location?.source ?? null,
    notes,
  };
}

/** Distinct accelerator and region names of a set of records, with their row counts, in first-seen order. */
export interface DistinctNames {
  /** `rowsNeedingCatalog`: rows whose energy rests on the catalog power (default: all of them). */
  accelerators: { name: string; rows: number; rowsNeedingCatalog?: number }[];
  /** Optional so that callers predating instance types (and their stored inputs) stay valid. */
  instanceTypes?: { provider?: TProvider | undefined; name: string; rows: number }[];
  regions: { provider?: TProvider | undefined; region: string; rows: number }[];
  /**
   * AI model names of a usage export looked up by name (issue #21), with the AI service that names them
   * (reference/ai-services/providers.csv, or none for billing rows). Resolved on the server (the repository).
   */
  models?: { service?: string | undefined; name: string; rows: number }[];
}

export function distinctNames(
  records: readonly Pick<
    TUsageRecordInput,
    | 'accelerator'
    | 'instanceType'
    | 'provider'
    | 'region'
    | 'energyKwh'
    | 'acceleratorPowerW'
    | 'requests'
    | 'energyPerRequestWh'
  >[],
): DistinctNames {
  const accelerators = new Map<string, { name: string; rows: number; rowsNeedingCatalog: number }>();
  const regions = new Map<string, { provider?: TProvider; region: string; rows: number }>();
  const instanceTypes = new Map<string, { provider?: TProvider; name: string; rows: number }>();
  for (const r of records) {
    if (r.instanceType?.trim()) {
      const name = r.instanceType.trim();
      const key = `${r.provider ?? ''}|${name}`;
      const entry = instanceTypes.get(key) ?? {
        ...(r.provider ? { provider: r.provider } : {}),
        name,
        rows: 0,
      };
      entry.rows += 1;
      instanceTypes.set(key, entry);
    }
    if (r.accelerator?.trim()) {
      const name = r.accelerator.trim();
      const entry = accelerators.get(name) ?? { name, rows: 0, rowsNeedingCatalog: 0 };
      entry.rows += 1;
      entry.rowsNeedingCatalog += dependsOnCatalogPower(r) ? 1 : 0;
      accelerators.set(name, entry);
    }
    if (r.region?.trim()) {
      const region = r.region.trim();
      const key = `${r.provider ?? ''}|${region}`;
      const entry = regions.get(key) ?? { ...(r.provider ? { provider: r.provider } : {}), region, rows: 0 };
      entry.rows += 1;
      regions.set(key, entry);
    }
  }
  return {
    accelerators: [...accelerators.values()],
    instanceTypes: [...instanceTypes.values()],
    regions: [...regions.values()],
  };
}

/** The review table: accelerators first, then instance types, then regions, each in the order given. */
export function resolveNames(library: IndexedFactorLibrary, names: DistinctNames): NameResolution[] {
  return [
    ...names.accelerators.map((a) => resolveAcceleratorName(library, a.name, a.rows, a.rowsNeedingCatalog)),
    ...(names.instanceTypes ?? []).map((t) =>
      resolveInstanceTypeName(library, t.name, t.provider ?? null, t.rows),
    ),
    ...names.regions.map((r) => resolveRegionName(library, r.region, r.provider ?? null, r.rows)),
  ];
}
