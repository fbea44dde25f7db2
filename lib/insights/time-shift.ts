import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { durationHours } from '@/lib/emissions/it-energy';
import { bestWindow, hourlyProfileFor, profileHourIndex, type THourlyProfile } from './hourly-profile';
import { runEngine, subtractTotals, totalsOf } from './totals';
import type { TInsightInputs, TRecords, TScenarioResult } from './types';

export interface TTimeShiftParams {
  /** The run must finish within this many hours of its planned start (e.g. 168 = the next 7 days). */
  withinHours: number;
}

export const HISTORICAL_PROFILE_LABEL = 'historical-profile based';

/**
 * The same run started at the cleanest hour within the span, using the zone's historical hourly profile
 * (2023) placed on the run's calendar date. Location-based CO2e scales by bestMean / plannedMean over the run's
 * whole hours; energy, water, embodied and cost are unchanged; market-based is unchanged because contracts and
 * residual mixes are annual volumes, not hourly.
 */
export function timeShiftScenario(
  records: TRecords,
  params: TTimeShiftParams,
  inputs: TInsightInputs,
): TScenarioResult {
  const library = ensureIndexed(inputs.library);
  const footprints = runEngine(records, { ...inputs, library });
  const baseline = totalsOf(footprints, inputs.electricityPricePerKwh);
  const profiles = new Map<string, THourlyProfile | null>();
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  const windows: string[] = [];
  let savedKg = 0;
  let affected = 0;
  records.forEach((record, i) => {
    const fp = footprints[i];
    if (!fp) {
      return;
    }
    if (fp.intensitySource === 'row') {
      skip('intensity given on the row (no profile applies)');
      return;
    }
    const zone = fp.gridZone ?? '';
    if (!profiles.has(zone)) {
      profiles.set(zone, zone ? hourlyProfileFor(library, zone, fp.basis) : null);
    }
    const profile = profiles.get(zone);
    if (!profile) {
      skip(`no hourly profile for grid zone ${zone || 'unknown'}`);
      return;
    }
    const hours = Math.max(1, Math.ceil(durationHours(record)));
    if (hours > params.withinHours) {
      skip(`run longer than the ${params.withinHours} h span`);
      return;
    }
    const w = bestWindow(profile, profileHourIndex(profile, record.startedAt), hours, params.withinHours);
    const ratio = w.plannedMeanGPerKwh > 0 ? w.bestMeanGPerKwh / w.plannedMeanGPerKwh : 1;
    savedKg += fp.locationKgCo2e * (1 - ratio);
    affected += 1;
    if (windows.length < 5) {
      windows.push(
        `${zone}: start ${w.offsetHours} h later; profile mean ${w.plannedMeanGPerKwh.toFixed(1)} → ${w.bestMeanGPerKwh.toFixed(1)} g/kWh over ${hours} h.`,
      );
    }
  });
  const scenario = { ...baseline, locationKgCo2e: baseline.locationKgCo2e - savedKg };
  const sources = [...new Set([...profiles.values()].flatMap((p) => (p ? [p.source] : [])))];
  return {
    kind: 'time',
    title: `Start at the cleanest hour within ${params.withinHours} h`,
    baseline,
    scenario,
    delta: subtractTotals(scenario, baseline),
    deltaRange: null,
    affectedRecords: affected,
    unchanged: [...skipped].map(([reason, n]) => ({ reason, records: n })),
    assumptions: [
      'Historical-profile based: the 2023 hourly intensity of the zone on the same calendar date stands in for the future grid; it is not a forecast.',
      'Whole hours; the run keeps its length and power profile; location-based CO2e scales by the ratio of window means.',
      'Market-based CO2e, energy, water and cost are unchanged (annual contracts and flat prices).',
      ...windows,
    ],
    sources: sources.length > 0 ? [...sources, 'Electricity Maps 2023 hourly data (ODbL 1.0)'] : [],
    confidence: affected > 0 ? 'medium' : 'low',
    label: HISTORICAL_PROFILE_LABEL,
    currency: inputs.currency,
  };
}
