import { computeRecordFootprint } from '@/lib/emissions/compute-footprints';
import type { IndexedFactorLibrary } from '@/lib/emissions/index-factor-library';
import type { MethodologySettings } from '@/lib/emissions/methodology-settings';
import type { TProvider } from '@/lib/schemas/usage-record';

/**
 * Location-based kg CO2e of 1 kWh of IT energy in a place at a date (PUE × grid intensity): a cheap ranking key
 * for candidate regions before the full scenario runs. Unknown places rank last.
 */
export function regionProbeKgPerItKwh(
  library: IndexedFactorLibrary,
  settings: MethodologySettings,
  place: { provider: TProvider; region: string },
  at: Date,
): number {
  const fp = computeRecordFootprint(
    {
      phase: 'training',
      startedAt: at,
      endedAt: at,
      provider: place.provider,
      region: place.region,
      energyKwh: 1,
    },
    library,
    settings,
  );
  return fp.intensitySource === 'world' ? Number.POSITIVE_INFINITY : fp.locationKgCo2e;
}
