import type { FactorLibrary, GridFactor } from '@/lib/emissions/factor-library-types';
import { DEFAULT_METHODOLOGY_SETTINGS } from '@/lib/emissions/methodology-settings';
import { gridFactor } from '@/lib/emissions/testing/fixture-library';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { TInsightInputs } from '../types';

/**
 * Hand-checkable library for the scenario tests. Zones: DIRTY 800 g/kWh (PUE 1.5, WUE 1.0, EWIF 2),
 * CLEAN 50 g/kWh (PUE 1.1, WUE 0.2, EWIF 1), PROF 300 g/kWh yearly with a full 2023 hourly profile that is
 * 100 g/kWh from 12:00 to 15:59 UTC and 400 g/kWh otherwise (PUE 1.0, WUE 0, EWIF 0).
 */
function profile2023(): GridFactor[] {
  const start = Date.UTC(2023, 0, 1);
  return Array.from({ length: 8760 }, (_, h) => ({
    ...gridFactor(
      'PROF',
      'hourly',
      new Date(start + h * 3_600_000).toISOString(),
      new Date(start + (h + 1) * 3_600_000).toISOString(),
      h % 24 >= 12 && h % 24 < 16 ? 100 : 400,
    ),
    id: `prof:${h}`,
    source: 'test profile',
  }));
}

const YEAR_2026: [string, string] = ['2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'];

export function insightsLibrary(): FactorLibrary {
  const accelerator = (id: string, name: string, tdpW: number, embodiedKgCo2e: number) => ({
    id,
    name,
    aliases: [],
    tdpW,
    idleW: tdpW / 10,
    memoryGb: 80,
    embodiedKgCo2e,
    embodiedLowKgCo2e: embodiedKgCo2e,
    embodiedHighKgCo2e: embodiedKgCo2e,
    source: `test ${name}`,
    datasetVersion: 'test-1',
  });
  const location = (regionCode: string, gridZone: string, pue: number, wueLPerKwh: number) => ({
    provider: 'aws' as const,
    regionCode,
    gridZone,
    countryCode: null,
    pue,
    wueLPerKwh,
    source: `test ${regionCode}`,
    datasetVersion: 'test-1',
  });
  return {
    accelerators: [
      accelerator('nvidia-a100-sxm4', 'A100', 400, 100),
      accelerator('nvidia-h100-sxm', 'H100', 700, 160),
      accelerator('no-throughput', 'Mystery', 300, 150),
    ],
    locations: [
      location('dirty-1', 'DIRTY', 1.5, 1.0),
      location('clean-1', 'CLEAN', 1.1, 0.2),
      location('prof-1', 'PROF', 1.0, 0),
    ],
    gridFactors: [
      gridFactor('DIRTY', 'yearly', ...YEAR_2026, 800),
      gridFactor('CLEAN', 'yearly', ...YEAR_2026, 50),
      gridFactor('PROF', 'yearly', ...YEAR_2026, 300),
      ...profile2023(),
    ],
    residualMixes: [],
    ewif: [
      { id: 'ewif:DIRTY', zone: 'DIRTY', lPerKwh: 2, source: 'test', datasetVersion: 'test-1' },
      { id: 'ewif:CLEAN', zone: 'CLEAN', lPerKwh: 1, source: 'test', datasetVersion: 'test-1' },
      { id: 'ewif:PROF', zone: 'PROF', lPerKwh: 0, source: 'test', datasetVersion: 'test-1' },
    ],
    providerDefaults: [],
  };
}

export function insightsInputs(): TInsightInputs {
  return {
    library: insightsLibrary(),
    settings: { ...DEFAULT_METHODOLOGY_SETTINGS, basis: 'lifecycle', defaultUtilization: 0.5 },
    contracts: [],
    electricityPricePerKwh: 0.1,
    currency: 'USD',
    electricityPriceSource: 'entered',
  };
}

/** 1,000 A100-hours at 50 % in DIRTY: power 40 + 0.5 × 360 = 220 W → 220 kWh IT, 330 kWh facility, 264 kg. */
export const TRAINING_DIRTY: TUsageRecordInput = {
  recordId: 'train-dirty',
  phase: 'training',
  startedAt: new Date('2026-03-01T00:00:00Z'),
  endedAt: new Date('2026-03-02T00:00:00Z'),
  provider: 'aws',
  region: 'dirty-1',
  accelerator: 'A100',
  acceleratorHours: 1000,
  utilization: 0.5,
};

/** 100 kWh metered in PROF, 4 h from 2026-01-05 00:00 UTC: 100 × 1.0 × 300 g = 30 kg. */
export const TRAINING_PROFILED: TUsageRecordInput = {
  recordId: 'train-prof',
  phase: 'training',
  startedAt: new Date('2026-01-05T00:00:00Z'),
  endedAt: new Date('2026-01-05T04:00:00Z'),
  provider: 'aws',
  region: 'prof-1',
  energyKwh: 100,
};

/** 1,000,000 requests × 0.1 Wh in CLEAN = 100 kWh IT, 110 kWh facility, 5.5 kg. */
export const INFERENCE_CLEAN: TUsageRecordInput = {
  recordId: 'infer-clean',
  phase: 'inference',
  startedAt: new Date('2026-03-01T00:00:00Z'),
  endedAt: new Date('2026-03-02T00:00:00Z'),
  provider: 'aws',
  region: 'clean-1',
  requests: 1_000_000,
  energyPerRequestWh: 0.1,
};
