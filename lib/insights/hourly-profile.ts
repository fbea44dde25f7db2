import type { FactorBasis } from '@/lib/emissions/factor-library-types';
import type { IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import { normalizeZone } from '@/lib/emissions/normalize-key';

const HOUR_MS = 3_600_000;

/** A zone's hourly intensity for one historical year, hour 0 = 1 Jan 00:00 UTC of `year`. */
export interface THourlyProfile {
  zone: string;
  basis: FactorBasis;
  year: number;
  /** g CO2e/kWh per hour of the year (8,760 values for 2023). */
  values: Float64Array;
  source: string;
}

/**
 * The hourly profile of a zone from the factor library (bundled: Electricity Maps 2023 for DE, FR, GB,
 * US-CAL-CISO, US-MIDA-PJM). Null when the zone has no complete hourly year on this basis.
 */
export function hourlyProfileFor(
  library: IndexedFactorLibrary,
  zone: string,
  basis: FactorBasis,
): THourlyProfile | null {
  const series = library.gridSeries.get(`${normalizeZone(zone)}|${basis}|hourly`);
  const first = series?.factors[0];
  if (!series || !first) {
    return null;
  }
  const year = first.periodStart.getUTCFullYear();
  const yearStart = Date.UTC(year, 0, 1);
  const hours = (Date.UTC(year + 1, 0, 1) - yearStart) / HOUR_MS;
  const values = new Float64Array(hours);
  let filled = 0;
  series.factors.forEach((f, k) => {
    const index = Math.round((f.periodStart.getTime() - yearStart) / HOUR_MS);
    if (index >= 0 && index < hours && f.periodEnd.getTime() - f.periodStart.getTime() === HOUR_MS) {
      values[index] = series.values[k] ?? 0;
      filled += 1;
    }
  });
  return filled === hours ? { zone: normalizeZone(zone), basis, year, values, source: first.source } : null;
}

/**
 * Hour of the profile year with the same month, day and hour (UTC) as `at`; 29 February maps to 28 February.
 * This is how a real date is placed on the historical profile.
 */
export function profileHourIndex(profile: THourlyProfile, at: Date): number {
  const month = at.getUTCMonth();
  const day = month === 1 && at.getUTCDate() === 29 ? 28 : at.getUTCDate();
  const ms = Date.UTC(profile.year, month, day, at.getUTCHours()) - Date.UTC(profile.year, 0, 1);
  return Math.round(ms / HOUR_MS) % profile.values.length;
}

export interface TBestWindow {
  /** Offset in hours from the span start of the cleanest window (0 = start as planned). */
  offsetHours: number;
  bestMeanGPerKwh: number;
  /** Mean over the window starting at the span start (running as planned). */
  plannedMeanGPerKwh: number;
}

/**
 * Cleanest start for a run of `hours` whole hours that must finish within `withinHours` of the span start:
 * every start offset 0 … withinHours − hours is tried (sliding sum, O(span)); ties keep the earliest.
 */
export function bestWindow(
  profile: THourlyProfile,
  spanStart: number,
  hours: number,
  withinHours: number,
): TBestWindow {
  const n = profile.values.length;
  const at = (h: number) => profile.values[(spanStart + h) % n] ?? 0;
  let sum = 0;
  for (let h = 0; h < hours; h += 1) {
    sum += at(h);
  }
  const planned = sum;
  let best = sum;
  let offsetHours = 0;
  for (let offset = 1; offset + hours <= withinHours; offset += 1) {
    sum += at(offset + hours - 1) - at(offset - 1);
    if (sum < best - 1e-9) {
      best = sum;
      offsetHours = offset;
    }
  }
  return { offsetHours, bestMeanGPerKwh: best / hours, plannedMeanGPerKwh: planned / hours };
}
