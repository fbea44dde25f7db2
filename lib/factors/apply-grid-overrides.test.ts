import { expect, test } from 'vitest';
import { computeRecordFootprint } from '@/lib/emissions/compute-footprints';
import { DEFAULT_METHODOLOGY_SETTINGS } from '@/lib/emissions/methodology-settings';
import { fixtureLibrary, gridFactor, record } from '@/lib/emissions/testing/fixture-library';
import { applyGridOverrides } from './apply-grid-overrides';

const settings = { ...DEFAULT_METHODOLOGY_SETTINGS, basis: 'lifecycle' as const };

test('without overrides the bundled factors are returned unchanged', () => {
  const bundled = [gridFactor('FR', 'yearly', '2025-01-01', '2026-01-01', 50)];
  expect(applyGridOverrides(bundled, [])).toEqual(bundled);
});

test('a bundled factor partly covered by an override keeps only its uncovered parts', () => {
  const bundled = [gridFactor('FR', 'yearly', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 50)];
  const override = gridFactor('fr', 'yearly', '2025-04-01T00:00:00Z', '2025-07-01T00:00:00Z', 10);
  const merged = applyGridOverrides(bundled, [override]);
  expect(merged.map((f) => [f.periodStart.toISOString(), f.periodEnd.toISOString(), f.gCo2ePerKwh])).toEqual([
    ['2025-04-01T00:00:00.000Z', '2025-07-01T00:00:00.000Z', 10],
    ['2025-01-01T00:00:00.000Z', '2025-04-01T00:00:00.000Z', 50],
    ['2025-07-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 50],
  ]);
});

test('other zones and the other basis are untouched', () => {
  const de = gridFactor('DE', 'yearly', '2025-01-01', '2026-01-01', 300);
  const frDirect = gridFactor('FR', 'yearly', '2025-01-01', '2026-01-01', 30, 'direct');
  const override = gridFactor('FR', 'yearly', '2025-01-01', '2026-01-01', 10);
  expect(applyGridOverrides([de, frDirect], [override])).toEqual([override, de, frDirect]);
});

test('the engine picks the override over finer bundled factors, and bundled ones outside its validity', () => {
  const base = fixtureLibrary();
  const bundled = [
    gridFactor('FR', 'monthly', '2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z', 40),
    gridFactor('FR', 'yearly', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 50),
  ];
  const override = {
    ...gridFactor('FR', 'yearly', '2025-03-01T00:00:00Z', '2025-03-16T00:00:00Z', 10),
    id: 'org:override',
  };
  const library = { ...base, gridFactors: applyGridOverrides(bundled, [override]) };
  const inside = record({
    region: 'FR',
    energyKwh: 100,
    pue: 1,
    startedAt: new Date('2025-03-02T00:00:00Z'),
    endedAt: new Date('2025-03-03T00:00:00Z'),
  });
  const fp = computeRecordFootprint(inside, library, settings);
  expect(fp.intensityGCo2ePerKwh).toBe(10);
  expect(fp.factorRefs.find((r) => r.kind === 'grid-intensity')?.id).toBe('org:override');
  const after = {
    ...inside,
    startedAt: new Date('2025-03-20T00:00:00Z'),
    endedAt: new Date('2025-03-21T00:00:00Z'),
  };
  expect(computeRecordFootprint(after, library, settings).intensityGCo2ePerKwh).toBe(40);
});
