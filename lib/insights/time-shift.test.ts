import { describe, expect, test } from 'vitest';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { bestWindow, hourlyProfileFor, profileHourIndex } from './hourly-profile';
import {
  insightsInputs,
  insightsLibrary,
  TRAINING_DIRTY,
  TRAINING_PROFILED,
} from './testing/insights-fixture';
import { timeShiftScenario } from './time-shift';

describe('hourly profile and best window', () => {
  const profile = hourlyProfileFor(ensureIndexed(insightsLibrary()), 'PROF', 'lifecycle');

  test('a full 2023 year is a profile; a zone without hourly data is not', () => {
    expect(profile?.values.length).toBe(8760);
    expect(profile?.year).toBe(2023);
    expect(hourlyProfileFor(ensureIndexed(insightsLibrary()), 'DIRTY', 'lifecycle')).toBeNull();
  });

  test('dates map onto the profile year by month, day and hour (29 Feb → 28 Feb)', () => {
    if (!profile) {
      throw new Error('no profile');
    }
    // 5 Jan 00:00 → 4 days × 24 = hour 96.
    expect(profileHourIndex(profile, new Date('2026-01-05T00:00:00Z'))).toBe(96);
    // 29 Feb 2028 10:00 → 28 Feb 2023 10:00 = (31 + 27) × 24 + 10 = 1402.
    expect(profileHourIndex(profile, new Date('2028-02-29T10:00:00Z'))).toBe(1402);
  });

  test('finds the 12:00–15:59 trough for a 4 h run within 24 h', () => {
    if (!profile) {
      throw new Error('no profile');
    }
    // Planned 00:00–03:59 = 400 g; best start 12 h later = 100 g.
    expect(bestWindow(profile, 96, 4, 24)).toEqual({
      offsetHours: 12,
      bestMeanGPerKwh: 100,
      plannedMeanGPerKwh: 400,
    });
    // Within 14 h the last start is offset 10: (400 + 400 + 100 + 100) / 4 = 250.
    expect(bestWindow(profile, 96, 4, 14)).toEqual({
      offsetHours: 10,
      bestMeanGPerKwh: 250,
      plannedMeanGPerKwh: 400,
    });
  });
});

describe('timeShiftScenario', () => {
  test('scales location-based CO2e by best/planned mean; the rest is unchanged', () => {
    const r = timeShiftScenario([TRAINING_PROFILED, TRAINING_DIRTY], { withinHours: 24 }, insightsInputs());
    // PROF record: 30 kg × (1 − 100/400) = 22.5 kg saved; DIRTY has no profile and is left unchanged.
    expect(r.delta.locationKgCo2e).toBeCloseTo(-22.5, 9);
    expect(r.delta.marketKgCo2e).toBe(0);
    expect(r.delta.energyKwh).toBe(0);
    expect(r.delta.waterL).toBe(0);
    expect(r.delta.electricityCost).toBe(0);
    expect(r.affectedRecords).toBe(1);
    expect(r.unchanged).toEqual([{ reason: 'no hourly profile for grid zone DIRTY', records: 1 }]);
    expect(r.label).toBe('historical-profile based');
    expect(r.assumptions).toContain('PROF: start 12 h later; profile mean 400.0 → 100.0 g/kWh over 4 h.');
  });

  test('a span shorter than the run changes nothing', () => {
    const r = timeShiftScenario([TRAINING_PROFILED], { withinHours: 3 }, insightsInputs());
    expect(r.delta.locationKgCo2e).toBe(0);
    expect(r.unchanged).toEqual([{ reason: 'run longer than the 3 h span', records: 1 }]);
  });
});
