import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { resolveLocation } from '@/lib/emissions/resolve-location';
import { placeLabel } from '@/lib/format/place-label';
import type { TProvider } from '@/lib/schemas/usage-record';
import { COST_ASSUMPTION, ELECTRICITY_PRICE_SOURCE } from './electricity-price';
import { engineTotals, subtractTotals } from './totals';
import type { TInsightInputs, TRecords, TScenarioResult } from './types';

export interface TRegionShiftParams {
  provider: TProvider;
  region: string;
}

/**
 * The same workload run in another region: provider/region replaced and the row's own PUE, WUE and intensity
 * overrides dropped (they describe the old site), then the engine recomputes with the factor library: grid
 * intensity (location-based), residual mix/contracts (market-based), region or provider PUE and WUE, EWIF.
 * Energy changes only through PUE; embodied is unchanged (same hardware and hours).
 */
export function regionShiftScenario(
  records: TRecords,
  params: TRegionShiftParams,
  inputs: TInsightInputs,
): TScenarioResult {
  const indexed = ensureIndexed(inputs.library);
  const where = resolveLocation(params, indexed);
  const { location } = where;
  const moved = records.map((r) => {
    const { pue: _pue, wueLPerKwh: _wue, carbonIntensityGPerKwh: _ci, ...rest } = r;
    return { ...rest, provider: params.provider, region: params.region };
  });
  const baseline = engineTotals(records, { ...inputs, library: indexed });
  const scenario = engineTotals(moved, { ...inputs, library: indexed });
  const place = placeLabel(params);
  const target = where.gridZone
    ? `${place} (grid zone ${where.gridZone}${location?.pue ? `, PUE ${location.pue}` : ''})`
    : `${place} (not in the factor library: world-average intensity, flagged)`;
  return {
    kind: 'region',
    title: `Run in ${place}`,
    baseline,
    scenario,
    delta: subtractTotals(scenario, baseline),
    deltaRange: null,
    affectedRecords: records.length,
    unchanged: [],
    assumptions: [
      `Same IT work, hardware and hours, moved to ${target}.`,
      "Row-level PUE, WUE and intensity overrides are dropped; the target region's published (or provider/default) PUE and WUE apply.",
      'Location-based: the target grid factor for the same dates (yearly/monthly, nearest year when missing). Market-based: energy contracts valid in the target market and its residual mix; else the grid average (flagged).',
      'Latency, data-residency and data-transfer emissions are not modelled.',
      COST_ASSUMPTION,
    ],
    sources: [
      location?.source ?? 'Factor library (no location entry for the target)',
      'Grid factors: Ember (CC BY 4.0) / Electricity Maps (ODbL) as in the factor library',
      ELECTRICITY_PRICE_SOURCE,
    ],
    confidence: where.gridZone ? 'medium' : 'low',
    label: 'factor-library based',
    currency: inputs.currency,
  };
}
