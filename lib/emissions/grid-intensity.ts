import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { AssumptionFlag } from './assumption-flags';
import type { FactorBasis, FactorGranularity, GridFactor } from './factor-library-types';
import type { FactorRef, IntensitySource } from './footprint-types';
import { type IndexedFactorLibrary, seriesKey } from './index-factor-library';
import { DEFAULT_SOURCES, type MethodologySettings } from './methodology-settings';
import { buildPeriodSeries, layeredAverage, type SeriesAverage } from './period-series';
import type { ResolvedLocation } from './resolve-location';

export interface ResolvedIntensity {
  gCo2ePerKwh: number;
  source: IntensitySource;
  basis: FactorBasis;
  flags: AssumptionFlag[];
  ref: FactorRef;
}

/** Zone id under which world-average factors (e.g. Ember "World") are stored. */
export const WORLD_ZONE = 'WORLD';

const GRANULARITIES: FactorGranularity[] = ['hourly', 'monthly', 'yearly'];
const EMPTY_SERIES = buildPeriodSeries([]);

interface ZoneHit {
  average: SeriesAverage;
  kind: FactorGranularity | 'nearest-year';
  /** Some of the run is read from the nearest earlier yearly factor (INTENSITY_NEAREST_YEAR). */
  nearestYear: boolean;
}

/**
 * Time-weighted intensity of the zone over the run, each instant from the finest dataset covering it (hourly >
 * monthly > yearly, then the latest earlier yearly factor): `layeredAverage`. The reported kind is the COARSEST
 * dataset any part of the run was read from (a run half on monthly, half on yearly factors is "yearly"), so the
 * data-quality label never claims a finer resolution than every hour of the run had.
 */
function lookupZone(
  library: IndexedFactorLibrary,
  zone: string,
  basis: FactorBasis,
  startMs: number,
  endMs: number,
): ZoneHit | null {
  const present = GRANULARITIES.flatMap((granularity) => {
    const series = library.gridSeries.get(seriesKey(zone, basis, granularity));
    return series ? [{ granularity, series }] : [];
  });
  const yearly = present.find((p) => p.granularity === 'yearly');
  // Without yearly data nothing is read for uncovered instants (no nearest-year fallback across other datasets).
  const layers = yearly ? present : [...present, { granularity: 'yearly' as const, series: EMPTY_SERIES }];
  const average = layeredAverage(
    layers.map((p) => p.series),
    startMs,
    endMs,
  );
  if (!average) {
    return null;
  }
  const used = layers.filter((_, l) => (average.msByLayer[l] ?? 0) > 0).map((p) => p.granularity);
  const coarsest = used[used.length - 1];
  const nearestYear = average.nearestMs > 0;
  return { average, kind: nearestYear || !coarsest ? 'nearest-year' : coarsest, nearestYear };
}

function refOf(average: SeriesAverage): FactorRef {
  const { first, last } = average;
  const id = first.id === last.id ? first.id : `${first.id}..${last.id}`;
  return refFromFactor(first, id, average.gCo2ePerKwh, 'grid-intensity');
}

export function refFromFactor(
  factor: GridFactor,
  id: string,
  value: number,
  kind: FactorRef['kind'],
): FactorRef {
  return {
    id,
    kind,
    value,
    unit: 'gCO2e/kWh',
    source: `${factor.source} (${factor.licence})`,
    datasetVersion: factor.datasetVersion,
    basis: factor.basis,
  };
}

/**
 * Location-based intensity, precedence: row override > zone hourly (time-weighted over the run) > monthly >
 * yearly > nearest earlier year > country > world average. The requested basis is tried through the whole chain
 * first; the other basis only if `allowBasisFallback` (flagged). The basis used is returned, never mixed.
 */
export function resolveLocationIntensity(
  record: TUsageRecordInput,
  where: ResolvedLocation,
  library: IndexedFactorLibrary,
  settings: MethodologySettings,
): ResolvedIntensity {
  const preferred = settings.basis;
  if (record.carbonIntensityGPerKwh !== undefined) {
    const value = record.carbonIntensityGPerKwh;
    return {
      gCo2ePerKwh: value,
      source: 'row',
      basis: preferred,
      flags: ['INTENSITY_ROW_OVERRIDE'],
      ref: {
        id: 'row:intensity',
        kind: 'grid-intensity',
        value,
        unit: 'gCO2e/kWh',
        source: 'usage record',
        datasetVersion: 'row',
        basis: preferred,
      },
    };
  }
  const startMs = record.startedAt.getTime();
  const endMs = record.endedAt.getTime();
  const other: FactorBasis = preferred === 'direct' ? 'lifecycle' : 'direct';
  const bases = settings.allowBasisFallback ? [preferred, other] : [preferred];
  for (const basis of bases) {
    const basisFlags: AssumptionFlag[] = basis === preferred ? [] : ['INTENSITY_BASIS_MISMATCH'];
    const zoneHit = where.gridZone ? lookupZone(library, where.gridZone, basis, startMs, endMs) : null;
    if (zoneHit) {
      const nearest: AssumptionFlag[] = zoneHit.nearestYear ? ['INTENSITY_NEAREST_YEAR'] : [];
      const flags = [...nearest, ...basisFlags];
      return {
        gCo2ePerKwh: zoneHit.average.gCo2ePerKwh,
        source: zoneHit.kind,
        basis,
        flags,
        ref: refOf(zoneHit.average),
      };
    }
    const country = where.countryCode;
    const countryHit =
      country && country !== where.gridZone ? lookupZone(library, country, basis, startMs, endMs) : null;
    if (countryHit) {
      const flags: AssumptionFlag[] = ['INTENSITY_COUNTRY_FALLBACK', ...basisFlags];
      if (countryHit.nearestYear) {
        flags.push('INTENSITY_NEAREST_YEAR');
      }
      return {
        gCo2ePerKwh: countryHit.average.gCo2ePerKwh,
        source: 'country',
        basis,
        flags,
        ref: refOf(countryHit.average),
      };
    }
  }
  for (const basis of bases) {
    const worldHit = lookupZone(library, WORLD_ZONE, basis, startMs, endMs);
    if (worldHit) {
      const flags: AssumptionFlag[] = ['INTENSITY_WORLD_AVERAGE'];
      if (basis !== preferred) {
        flags.push('INTENSITY_BASIS_MISMATCH');
      }
      return {
        gCo2ePerKwh: worldHit.average.gCo2ePerKwh,
        source: 'world',
        basis,
        flags,
        ref: refOf(worldHit.average),
      };
    }
  }
  const value = settings.worldAverageGCo2ePerKwh;
  const basis = settings.worldAverageBasis;
  const flags: AssumptionFlag[] = ['INTENSITY_WORLD_AVERAGE'];
  if (basis !== preferred) {
    flags.push('INTENSITY_BASIS_MISMATCH');
  }
  return {
    gCo2ePerKwh: value,
    source: 'world',
    basis,
    flags,
    ref: {
      id: 'default:world-average',
      kind: 'grid-intensity',
      value,
      unit: 'gCO2e/kWh',
      source: DEFAULT_SOURCES.worldAverageGCo2ePerKwh,
      datasetVersion: 'settings',
      basis,
    },
  };
}
