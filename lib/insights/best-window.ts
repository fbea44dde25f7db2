import type { IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import type { MethodologySettings } from '@/lib/emissions/methodology-settings';
import { normalizeKey, normalizeZone } from '@/lib/emissions/normalize-key';
import type { TBestWindowQuery, TBestWindowResponse } from '@/lib/schemas/best-window';
import { bestWindow, hourlyProfileFor, profileHourIndex } from './hourly-profile';
import { HISTORICAL_PROFILE_LABEL } from './time-shift';

const HOUR_MS = 3_600_000;

export type TBestWindowOutcome =
  | { ok: true; value: TBestWindowResponse }
  | { ok: false; reason: 'unknown-region' | 'ambiguous-region' | 'no-profile'; message: string };

/** Zones that have an hourly profile on `basis` (for error messages). */
export function profiledZones(library: IndexedFactorLibrary, basis: string): string[] {
  return [...library.gridSeries.keys()]
    .filter((k) => k.endsWith(`|${basis}|hourly`))
    .map((k) => k.split('|')[0] ?? '')
    .sort();
}

/**
 * The cleanest start for a run of `hours` that must finish within `within` hours of `from` (default `now`),
 * from the zone's historical hourly profile placed on the same calendar dates. `region` is a cloud region
 * (optionally with `provider`) or a grid zone. Pure: `now` is an argument.
 */
export function findBestWindow(
  library: IndexedFactorLibrary,
  settings: MethodologySettings,
  query: TBestWindowQuery,
  now: Date,
): TBestWindowOutcome {
  const key = normalizeKey(query.region);
  const candidates = (library.locationsByRegion.get(key) ?? []).filter(
    (l) => !query.provider || l.provider === query.provider,
  );
  const zones = [...new Set(candidates.map((l) => normalizeZone(l.gridZone)))];
  if (zones.length > 1) {
    return {
      ok: false,
      reason: 'ambiguous-region',
      message: `Region "${query.region}" exists for several providers in different grid zones; add provider=…`,
    };
  }
  const zone =
    zones[0] ?? (library.gridZones.has(normalizeZone(query.region)) ? normalizeZone(query.region) : null);
  if (!zone) {
    return { ok: false, reason: 'unknown-region', message: `Unknown region or grid zone "${query.region}".` };
  }
  const profile = hourlyProfileFor(library, zone, settings.basis);
  if (!profile) {
    return {
      ok: false,
      reason: 'no-profile',
      message: `No hourly profile for grid zone ${zone} (region "${query.region}"); profiles exist for ${profiledZones(library, settings.basis).join(', ')}.`,
    };
  }
  const from = new Date(
    Math.floor((query.from ? Date.parse(query.from) : now.getTime()) / HOUR_MS) * HOUR_MS,
  );
  const w = bestWindow(profile, profileHourIndex(profile, from), query.hours, query.within);
  const bestStart = new Date(from.getTime() + w.offsetHours * HOUR_MS);
  return {
    ok: true,
    value: {
      label: HISTORICAL_PROFILE_LABEL,
      region: query.region,
      provider: candidates[0]?.provider ?? query.provider ?? null,
      gridZone: zone,
      basis: profile.basis,
      profile: { zone: profile.zone, year: profile.year, source: profile.source },
      request: { from: from.toISOString(), hours: query.hours, within: query.within },
      bestStart: bestStart.toISOString(),
      bestEnd: new Date(bestStart.getTime() + query.hours * HOUR_MS).toISOString(),
      offsetHours: w.offsetHours,
      bestMeanGCo2ePerKwh: w.bestMeanGPerKwh,
      plannedMeanGCo2ePerKwh: w.plannedMeanGPerKwh,
      savingPercent: w.plannedMeanGPerKwh > 0 ? (1 - w.bestMeanGPerKwh / w.plannedMeanGPerKwh) * 100 : 0,
      note: `Historical-profile based: ${profile.year} hourly intensity of ${zone} on the same calendar dates and hours (UTC); not a forecast.`,
    },
  };
}
