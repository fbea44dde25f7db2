import { describe, expect, test } from 'vitest';
import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import { smallLlmRepository } from '@/lib/emissions/testing/small-llm-repository';
import { usageRecordSchemaAt } from '@/lib/schemas/usage-record';
import type { ParsedRecord } from '../types';
import { aiFootprintOf, aiUsageRecordOf } from './ai-usage-records';
import type { TAiUsageRow } from './ai-usage-types';

// One provider whose PUE is only known as a range (1.1–1.3) and a dense model of a published, fixed size: the
// EcoLogits facility energy is IT energy × PUE, so its range is exactly the PUE range around the midpoint 1.2.
const repository = smallLlmRepository({
  models: [
    {
      provider: 'mistralai',
      name: 'fixed-8b',
      architecture: { type: 'dense', parameters: 8 },
      warnings: null,
    },
  ],
  mixes: 'SWE,1e-7,4,0.04,6\n',
  profiles: 'mistralai,SWE,1.1,1.3,0.1,0.1\n',
  services: 'mistral,Mistral AI,mistralai\n',
});

const ROW: TAiUsageRow = {
  line: 2,
  provider: 'mistral',
  modelRaw: 'fixed-8b',
  modelLookup: { kind: 'name', provider: 'mistral', name: 'fixed-8b' },
  inputTokens: 0,
  outputTokens: 1_000_000,
  requests: null,
  meanLatencyS: null,
  region: null,
  quantityBasis: 'metered',
  service: 'Mistral',
  periodStart: '2026-01-05T00:00:00Z',
  periodEnd: '2026-01-06T00:00:00Z',
  cachedInputTokens: null,
  team: null,
  project: null,
  tags: {},
};

describe('uncertainty band of an AI-service record', () => {
  test('the EcoLogits PUE range (1.1–1.3 around 1.2) times the grid factor range (yearly ±10 %), by hand', () => {
    const parsed = aiUsageRecordOf(
      ROW,
      {
        repository,
        zoneOfRegion: () => null,
        validate: (input) => usageRecordSchemaAt(new Date('2026-02-01T00:00:00Z'), 'UTC').safeParse(input),
      },
      { error: () => {}, warn: () => {} },
    ) as ParsedRecord;
    // Energy relative range: 1 − 1.1/1.2 = 1/12 below and 1.3/1.2 − 1 = 1/12 above.
    expect(parsed.ai?.energyRange[0]).toBeCloseTo(1 / 12, 12);
    expect(parsed.ai?.energyRange[1]).toBeCloseTo(1 / 12, 12);
    expect(parsed.source?.aiEnergyRange).toEqual(parsed.ai?.energyRange);
    // Stored with 10 kg CO2e (location) from a yearly grid factor (±10 %):
    // low = 10 × (1 − 1/12) × 0.9 = 8.25; high = 10 × (1 + 1/12) × 1.1 = 11.91667.
    const computed = {
      locationKgCo2e: 10,
      intensitySource: 'yearly',
      assumptions: [],
      embodiedKgCo2e: 99,
      isMeasured: true,
      uncertaintyLowKgCo2e: 9.5,
      uncertaintyHighKgCo2e: 10.5,
    } as unknown as RecordFootprint;
    const stored = aiFootprintOf(computed, parsed.ai as NonNullable<ParsedRecord['ai']>);
    expect(stored.uncertaintyLowKgCo2e).toBeCloseTo(8.25, 10);
    expect(stored.uncertaintyHighKgCo2e).toBeCloseTo(11.916667, 5);
    expect(stored.isMeasured).toBe(false);
  });

  test("the method's embodied share replaces the no-device-hours flag; an on-device record (share 0) keeps it", () => {
    const computed = {
      locationKgCo2e: 10,
      intensitySource: 'yearly',
      assumptions: ['INTENSITY_NEAREST_YEAR', 'EMBODIED_NO_DEVICE_HOURS'],
      embodiedKgCo2e: 0,
      isMeasured: true,
    } as unknown as RecordFootprint;
    const hosted = aiFootprintOf(computed, { embodiedKgCo2e: 0.0331, energyRange: [0.1, 0.1] });
    expect(hosted.embodiedKgCo2e).toBe(0.0331);
    expect(hosted.assumptions).toEqual(['INTENSITY_NEAREST_YEAR']);
    const onDevice = aiFootprintOf(computed, { embodiedKgCo2e: 0, energyRange: [0.1, 0.1] });
    expect(onDevice.assumptions).toEqual(['INTENSITY_NEAREST_YEAR', 'EMBODIED_NO_DEVICE_HOURS']);
  });

  test('a grid factor on the other basis widens the grid range by 25 points each side', () => {
    const computed = {
      locationKgCo2e: 10,
      intensitySource: 'yearly',
      assumptions: ['INTENSITY_BASIS_MISMATCH'],
    } as unknown as RecordFootprint;
    // low = 10 × (1 − 0.2) × (1 − 0.35) = 5.2; high = 10 × 1.1 × 1.35 = 14.85.
    const stored = aiFootprintOf(computed, { embodiedKgCo2e: 0, energyRange: [0.2, 0.1] });
    expect(stored.uncertaintyLowKgCo2e).toBeCloseTo(5.2, 10);
    expect(stored.uncertaintyHighKgCo2e).toBeCloseTo(14.85, 10);
  });
});
