import { describe, expect, test } from 'vitest';
import type { FactorRef } from '@/lib/emissions/footprint-types';
import { addCodecarbonComparison, explainCodecarbonDifference } from './codecarbon-comparison';

const ref = (kind: FactorRef['kind'], id: string, source: string): FactorRef => ({
  id,
  kind,
  value: 0,
  unit: '',
  source,
  datasetVersion: 'test',
});

// CodeCarbon: 2 kWh energy_consumed at its pue 1.0 and 0.1 kg → 50 g/kWh.
const theirs = { reportedEmissionsKg: 0.1, reportedEnergyKwh: 2, pueApplied: 1, quebecFallback: false };
const ours = (pue: number, intensity: number, pueRef = ref('pue', 'default:pue', 'Uptime')) => ({
  itEnergyKwh: 2,
  pue,
  intensityGCo2ePerKwh: intensity,
  intensitySource: 'yearly' as const,
  locationKgCo2e: (2 * pue * intensity) / 1000,
  factorRefs: [pueRef, ref('grid-intensity', 'ember:FR:2024', 'Ember yearly')],
});

describe('explainCodecarbonDifference', () => {
  test('within 10 % (2 × 1.0 × 54 g = 0.108 kg vs 0.1 kg): no explanation', () => {
    expect(explainCodecarbonDifference(theirs, ours(1, 54))).toBeNull();
  });

  test('only the PUE differs: 2 × 1.56 × 50 g = 0.156 kg names the PUE and why', () => {
    const result = explainCodecarbonDifference(theirs, ours(1.56, 50));
    expect(result?.recomputedLocationKgCo2e).toBeCloseTo(0.156, 10);
    expect(result?.reasons).toEqual([
      'PUE: CodeCarbon applied 1, we apply 1.56 (the industry-average data-centre PUE, as CodeCarbon gave no cloud provider).',
    ]);
  });

  test('only the intensity differs: 20 g against CodeCarbon’s 50 g, with our source', () => {
    const result = explainCodecarbonDifference(theirs, ours(1, 20, ref('pue', 'edge:pue', 'edge')));
    expect(result?.reasons).toEqual([
      'Grid intensity: CodeCarbon used 50 gCO2e/kWh (its own country or cloud-region figure), we use 20 gCO2e/kWh (Ember yearly, yearly average).',
    ]);
  });

  test('CodeCarbon’s pue is divided out: 2.4 kWh at pue 1.2 is 2 kWh of IT energy, PUE 1.2 vs our 1.1', () => {
    const result = explainCodecarbonDifference(
      { ...theirs, reportedEnergyKwh: 2.4, reportedEmissionsKg: 0.12, pueApplied: 1.2 },
      ours(1.1, 30, ref('pue', 'location:aws:eu-west-3:pue', 'AWS')),
    );
    // 0.12 kg / 2.4 kWh = 50 g; ours 2 × 1.1 × 30 g = 0.066 kg.
    expect(result?.reasons).toEqual([
      "PUE: CodeCarbon applied 1.2, we apply 1.1 (the provider's published figure for the region).",
      'Grid intensity: CodeCarbon used 50 gCO2e/kWh (its own country or cloud-region figure), we use 30 gCO2e/kWh (Ember yearly, yearly average).',
    ]);
  });

  test('no reported emissions: nothing to compare', () => {
    expect(explainCodecarbonDifference({ ...theirs, reportedEmissionsKg: null }, ours(1.56, 50))).toBeNull();
  });
});

describe('addCodecarbonComparison', () => {
  test('sums both totals and keeps the differing runs with their line', () => {
    let acc = addCodecarbonComparison(null, 2, theirs, ours(1, 50));
    acc = addCodecarbonComparison(acc, 3, theirs, ours(1.56, 50));
    expect(acc.runs).toBe(2);
    expect(acc.reportedKgCo2e).toBeCloseTo(0.2, 10);
    expect(acc.recomputedLocationKgCo2e).toBeCloseTo(0.1 + 0.156, 10);
    expect(acc.differingRuns).toBe(1);
    expect(acc.differences?.map((d) => d.line)).toEqual([3]);
  });
});
