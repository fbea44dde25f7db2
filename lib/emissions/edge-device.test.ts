import { describe, expect, test } from 'vitest';
import { computeRecordFootprint } from './compute-footprints';
import { fixtureLibrary, record, SETTINGS } from './testing/fixture-library';

/** Issue #19: an edge device or a laptop/desktop is not in a data centre (docs/METHODOLOGY.md). */
describe('provider edge: context-aware defaults', () => {
  const run = {
    startedAt: new Date('2023-01-01T00:00:00Z'),
    endedAt: new Date('2023-01-01T02:00:00Z'),
    energyKwh: 3,
  };

  test('no row PUE: PUE 1.0 and on-site WUE 0, not the industry data-centre average (1.56)', () => {
    const fp = computeRecordFootprint(record({ ...run, provider: 'edge' }), fixtureLibrary(), SETTINGS);
    expect(fp.pue).toBe(1);
    expect(fp.energyKwh).toBe(3);
    expect(fp.waterOnsiteL).toBe(0);
    expect(fp.assumptions).toEqual(expect.arrayContaining(['PUE_NOT_DATA_CENTRE', 'WUE_NOT_DATA_CENTRE']));
    expect(fp.assumptions).not.toContain('PUE_INDUSTRY_DEFAULT');
  });

  test('the same run on premises keeps the data-centre default (control)', () => {
    const fp = computeRecordFootprint(record({ ...run, provider: 'on_prem' }), fixtureLibrary(), SETTINGS);
    expect(fp.pue).toBe(SETTINGS.defaultPue);
    expect(fp.assumptions).toContain('PUE_INDUSTRY_DEFAULT');
  });

  test('a PUE on the row still wins', () => {
    const fp = computeRecordFootprint(
      record({ ...run, provider: 'edge', pue: 1.1 }),
      fixtureLibrary(),
      SETTINGS,
    );
    expect(fp.pue).toBe(1.1);
    expect(fp.energyKwh).toBeCloseTo(3.3, 12);
  });

  test('an unknown device on the edge gets no data-centre accelerator embodied share', () => {
    const rec = record({ ...run, provider: 'edge', accelerator: 'Apple M1', acceleratorCount: 1 });
    const fp = computeRecordFootprint(rec, fixtureLibrary(), SETTINGS);
    expect(fp.embodiedKgCo2e).toBe(0);
    expect(fp.assumptions).toContain('EMBODIED_EDGE_DEVICE_UNKNOWN');
    expect(fp.assumptions).not.toContain('ACCELERATOR_UNKNOWN');
    // On premises the unknown device takes the default 150 kg over 4 years: 150 × 2 h / 35,040 h.
    const onPrem = computeRecordFootprint({ ...rec, provider: 'on_prem' }, fixtureLibrary(), SETTINGS);
    expect(onPrem.embodiedKgCo2e).toBeCloseTo((150 * 2) / 35040, 12);
  });

  test('a catalog accelerator on the edge keeps its own embodied figure', () => {
    // acc-x (X-100 SXM): 100 kg per device, 2 device-hours over 4 years.
    const rec = record({ ...run, provider: 'edge', accelerator: 'X-100 SXM', acceleratorCount: 1 });
    const fp = computeRecordFootprint(rec, fixtureLibrary(), SETTINGS);
    expect(fp.embodiedKgCo2e).toBeCloseTo((100 * 2) / 35040, 12);
  });
});
