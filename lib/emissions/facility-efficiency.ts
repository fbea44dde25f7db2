import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { AssumptionFlag } from './assumption-flags';
import type { FactorRef } from './footprint-types';
import type { IndexedFactorLibrary } from './index-factor-library';
import { DEFAULT_SOURCES, type MethodologySettings } from './methodology-settings';
import type { ResolvedLocation } from './resolve-location';

export type EfficiencyLevel = 'row' | 'location' | 'provider' | 'industry';

export interface ResolvedValue {
  value: number;
  level: EfficiencyLevel;
  flags: AssumptionFlag[];
  ref: FactorRef;
}

type Metric = 'pue' | 'wue';

const METRIC = {
  pue: {
    rowKey: 'pue',
    unit: 'ratio',
    provider: 'PUE_PROVIDER_DEFAULT',
    industry: 'PUE_INDUSTRY_DEFAULT',
    notDataCentre: { value: 1, flag: 'PUE_NOT_DATA_CENTRE' },
  },
  wue: {
    rowKey: 'wueLPerKwh',
    unit: 'L/kWh',
    provider: 'WUE_PROVIDER_DEFAULT',
    industry: 'WUE_INDUSTRY_DEFAULT',
    notDataCentre: { value: 0, flag: 'WUE_NOT_DATA_CENTRE' },
  },
} as const;

/**
 * PUE (facility / IT energy) or on-site WUE (L per IT kWh), precedence: row > location (provider-published for
 * the region) > provider fleet default > industry default from settings. Every fallback is flagged.
 * Provider `edge` (edge devices, laptops and desktops, e.g. a CodeCarbon run off cloud) is not in a data centre:
 * without a row value it gets PUE 1.0 and WUE 0 (flagged), never the data-centre industry average.
 */
export function resolveEfficiency(
  metric: Metric,
  record: TUsageRecordInput,
  where: ResolvedLocation,
  library: IndexedFactorLibrary,
  settings: MethodologySettings,
): ResolvedValue {
  const spec = METRIC[metric];
  const unit = spec.unit;
  const rowValue = record[spec.rowKey];
  if (rowValue !== undefined) {
    const ref = {
      id: `row:${metric}`,
      kind: metric,
      value: rowValue,
      unit,
      source: 'usage record',
      datasetVersion: 'row',
    };
    return { value: rowValue, level: 'row', flags: [], ref };
  }
  if (where.provider === 'edge') {
    const { value, flag } = spec.notDataCentre;
    return {
      value,
      level: 'industry',
      flags: [flag],
      ref: {
        id: `edge:${metric}`,
        kind: metric,
        value,
        unit,
        source: 'edge or personal device: no data-centre facility',
        datasetVersion: 'method',
      },
    };
  }
  const location = where.location;
  const locationValue = metric === 'pue' ? location?.pue : location?.wueLPerKwh;
  if (location && locationValue !== null && locationValue !== undefined) {
    return {
      value: locationValue,
      level: 'location',
      flags: [],
      ref: {
        id: `location:${location.provider}:${location.regionCode}:${metric}`,
        kind: metric,
        value: locationValue,
        unit,
        source: location.source,
        datasetVersion: location.datasetVersion,
      },
    };
  }
  const fleet = where.provider ? library.providerDefaults.get(where.provider) : undefined;
  const fleetValue = metric === 'pue' ? fleet?.pue : fleet?.wueLPerKwh;
  if (fleet && fleetValue !== null && fleetValue !== undefined) {
    return {
      value: fleetValue,
      level: 'provider',
      flags: [spec.provider],
      ref: {
        id: `provider:${fleet.provider}:${metric}`,
        kind: metric,
        value: fleetValue,
        unit,
        source: metric === 'pue' ? fleet.pueSource : fleet.wueSource,
        datasetVersion: fleet.datasetVersion,
      },
    };
  }
  const value = metric === 'pue' ? settings.defaultPue : settings.defaultWueLPerKwh;
  const source = metric === 'pue' ? DEFAULT_SOURCES.defaultPue : DEFAULT_SOURCES.defaultWueLPerKwh;
  return {
    value,
    level: 'industry',
    flags: [spec.industry],
    ref: { id: `default:${metric}`, kind: metric, value, unit, source, datasetVersion: 'settings' },
  };
}
