import type { IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import type { MethodologySettings } from '@/lib/emissions/methodology-settings';
import { normalizeKey, normalizeZone } from '@/lib/emissions/normalize-key';
import { resolveLocation } from '@/lib/emissions/resolve-location';
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
 * (optionally with `provider`), a grid zone or a country, read by `resolveLocation`. Pure: `now` is an argument.
 */
export function findBestWindow(
  library: IndexedFactorLibrary,
  settings: MethodologySettings,
  query: TBestWindowQuery,
  now: Date,
): TBestWindowOutcome {
  const where = resolveLocation(query, library);
  const zone = where.gridZone;
  if (!zone) {
    // Unresolved because the code exists for several providers in different zones: ask for the provider.
    const zones = new Set(
      (library.locationsByRegion.get(normalizeKey(query.region)) ?? []).map((l) => normalizeZone(l.gridZone)),
    );
    return !query.provider && zones.size > 1
      ? {
          ok: false,
          reason: 'ambiguous-region',
          message: `Region "${query.region}" exists for several providers in different grid zones; add provider=…`,
        }
      : { ok: false, reason: 'unknown-region', message: `Unknown region or grid zone "${query.region}".` };
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
      provider: where.provider,
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
