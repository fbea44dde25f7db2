import { describe, expect, test } from 'vitest';
import {
  amortisedKgCo2eInPeriod,
  assetEmbodiedKgCo2e,
  assetsRelevantToPeriod,
  cat2KgCo2eInPeriod,
  hardwareFiguresInPeriod,
  MS_PER_YEAR,
  type THardwareAsset,
} from './hardware-embodied';

const asset = (over: Partial<THardwareAsset> = {}): THardwareAsset => ({
  id: 'a1',
  name: '16 × H100',
  hardwareType: 'NVIDIA H100 SXM',
  acceleratorId: 'nvidia-h100-sxm',
  unitCount: 16,
  purchasedOn: new Date('2026-08-15T00:00:00Z'),
  embodiedKgCo2ePerUnit: 164,
  embodiedSource: 'catalog',
  expectedLifetimeYears: 4,
  location: 'DE',
  retiredOn: null,
  ...over,
});

const Q3 = [new Date('2026-07-01T00:00:00Z'), new Date('2026-10-01T00:00:00Z')] as const;
const Q4 = [new Date('2026-10-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')] as const;

describe('[hardware] Scope 3 Cat 2 and amortised memo', () => {
  test('16 H100 at 164 kg each: 2,624 kg booked in full in the purchase quarter, nothing in the next', () => {
    expect(assetEmbodiedKgCo2e(asset())).toBe(2624);
    expect(cat2KgCo2eInPeriod(asset(), ...Q3)).toBe(2624);
    expect(cat2KgCo2eInPeriod(asset(), ...Q4)).toBe(0);
  });

  test('amortisation is straight-line over the lifetime: 2,624 kg over 4 years, 92 days of Q4', () => {
    const expected = (2624 * 92 * 86_400_000) / (4 * MS_PER_YEAR);
    expect(amortisedKgCo2eInPeriod(asset(), ...Q4)).toBeCloseTo(expected, 9);
    expect(expected).toBeCloseTo(165.235, 3);
    // Q3: from 15 Aug (inclusive) to 1 Oct = 47 days.
    expect(amortisedKgCo2eInPeriod(asset(), ...Q3)).toBeCloseTo((2624 * 47) / (4 * 365.25), 9);
  });

  test('summed over consecutive years the memo equals the Cat 2 total (no lifetime overrun)', () => {
    let sum = 0;
    for (let year = 2026; year < 2032; year++) {
      sum += amortisedKgCo2eInPeriod(asset(), new Date(`${year}-01-01Z`), new Date(`${year + 1}-01-01Z`));
    }
    expect(sum).toBeCloseTo(2624, 9);
  });

  test('early retirement writes the remainder off in the retirement period; the total is unchanged', () => {
    const retired = asset({ retiredOn: new Date('2027-02-15T00:00:00Z') });
    const q1 = amortisedKgCo2eInPeriod(retired, new Date('2027-01-01Z'), new Date('2027-04-01Z'));
    const q2 = amortisedKgCo2eInPeriod(retired, new Date('2027-04-01Z'), new Date('2027-07-01Z'));
    const before = amortisedKgCo2eInPeriod(retired, new Date('2026-01-01Z'), new Date('2027-01-01Z'));
    expect(q2).toBe(0);
    expect(before + q1).toBeCloseTo(2624, 9);
    expect(q1).toBeGreaterThan((2624 * 45) / (4 * 365.25));
  });

  test('a zero lifetime or zero units gives no memo; retirement before purchase counts as retired at purchase', () => {
    expect(amortisedKgCo2eInPeriod(asset({ expectedLifetimeYears: 0 }), ...Q3)).toBe(0);
    expect(amortisedKgCo2eInPeriod(asset({ unitCount: 0 }), ...Q3)).toBe(0);
    const odd = asset({ retiredOn: new Date('2026-08-01T00:00:00Z') });
    expect(amortisedKgCo2eInPeriod(odd, ...Q3)).toBeCloseTo(2624, 9);
  });

  test('register figures and the assets a period lists', () => {
    const old = asset({
      id: 'old',
      purchasedOn: new Date('2024-03-01Z'),
      unitCount: 64,
      embodiedKgCo2ePerUnit: 127.6,
    });
    const gone = asset({
      id: 'gone',
      purchasedOn: new Date('2024-01-01Z'),
      retiredOn: new Date('2026-06-30Z'),
    });
    const figures = hardwareFiguresInPeriod([asset(), old, gone], ...Q3);
    expect(figures.cat2KgCo2e).toBe(2624);
    expect(figures.purchasedAssets).toBe(1);
    expect(figures.amortisedKgCo2e).toBeCloseTo(
      amortisedKgCo2eInPeriod(asset(), ...Q3) + amortisedKgCo2eInPeriod(old, ...Q3),
      9,
    );
    expect(assetsRelevantToPeriod([asset(), old, gone], ...Q3).map((a) => a.id)).toEqual(['a1', 'old']);
    expect(assetsRelevantToPeriod([asset()], new Date('2026-01-01Z'), new Date('2026-04-01Z'))).toEqual([]);
  });
});
