import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { computeRecordFootprint } from '@/lib/emissions/compute-footprints';
import { type IndexedFactorLibrary, indexFactorLibrary } from '@/lib/emissions/index-factor-library';
import { DEFAULT_METHODOLOGY_SETTINGS } from '@/lib/emissions/methodology-settings';
import { resolveAccelerator } from '@/lib/emissions/resolve-accelerator';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { loadBundledFactorLibrary } from './load-bundled-factor-library';

const REFERENCE_DIR = path.resolve(import.meta.dirname, '../../../reference');
let lib: IndexedFactorLibrary;

beforeAll(() => {
  lib = indexFactorLibrary(loadBundledFactorLibrary(REFERENCE_DIR));
});

const run = (
  overrides: Partial<TUsageRecordInput>,
  start = '2024-06-01T00:00:00Z',
  end = '2024-06-02T00:00:00Z',
) =>
  computeRecordFootprint(
    { phase: 'training', startedAt: new Date(start), endedAt: new Date(end), energyKwh: 100, ...overrides },
    lib,
    DEFAULT_METHODOLOGY_SETTINGS,
  );

describe('bundled factor library', () => {
  test('cloud regions and an on-premise country resolve to zones with their own factors', () => {
    const cases: Array<[Partial<TUsageRecordInput>, string]> = [
      [{ provider: 'aws', region: 'us-east-1' }, 'US-MIDA-PJM'],
      [{ provider: 'gcp', region: 'europe-west4' }, 'NL'],
      [{ provider: 'azure', region: 'westeurope' }, 'NL'],
      [{ provider: 'on_prem', region: 'FR' }, 'FR'],
    ];
    for (const [where, zone] of cases) {
      const fp = run(where);
      expect(fp.gridZone).toBe(zone);
      expect(['hourly', 'monthly', 'yearly']).toContain(fp.intensitySource);
      expect(fp.assumptions).not.toContain('LOCATION_UNKNOWN');
      expect(fp.intensityGCo2ePerKwh).toBeGreaterThan(0);
    }
  });

  test('a 2023 hour in FR uses the bundled hourly value from the CSV', () => {
    const line = readFileSync(
      path.join(REFERENCE_DIR, 'grid/hourly/FR_2023_hourly_electricitymaps.csv'),
      'utf8',
    )
      .split('\n')
      .find((l) => l.startsWith('2023-06-01T12:00Z'));
    const lifecycle = Number(line?.split(',')[3]);
    const fp = run({ region: 'FR' }, '2023-06-01T12:00:00Z', '2023-06-01T13:00:00Z');
    expect(fp.intensitySource).toBe('hourly');
    expect(fp.intensityGCo2ePerKwh).toBeCloseTo(lifecycle, 9);
  });

  test('regional PUE/WUE and fleet defaults come from pue_wue_published.csv', () => {
    expect(run({ provider: 'gcp', region: 'europe-west4' }).pue).toBeCloseTo(1.08, 9); // Eemshaven campus TTM
    expect(run({ provider: 'aws', region: 'us-east-1' })).toMatchObject({ pue: 1.14 }); // AWS fleet 2025
    expect(run({ provider: 'aws', region: 'us-east-1' }).assumptions).toContain('PUE_PROVIDER_DEFAULT');
  });

  test('accelerator aliases resolve', () => {
    const ids = ['A100-SXM4-80GB', 'H100 SXM', 'TPU v4', 'T4', 'tesla-v100'].map(
      (n) => resolveAccelerator(lib, n)?.id,
    );
    expect(ids).toEqual(['nvidia-a100-sxm4', 'nvidia-h100-sxm', 'google-tpu-v4', 'nvidia-t4', 'nvidia-v100']);
    // nvidia-smi names (issue 19): the H100 HBM3 board is the SXM5, the PCIe V100 its own 250 W entry.
    expect(resolveAccelerator(lib, 'NVIDIA H100 80GB HBM3')).toMatchObject({
      id: 'nvidia-h100-sxm',
      tdpW: 700,
    });
    expect(resolveAccelerator(lib, 'Tesla V100-PCIE-16GB')).toMatchObject({
      id: 'nvidia-v100-pcie-16gb',
      tdpW: 250,
    });
  });

  test('world factor exists and every grid factor has basis, licence and version', () => {
    expect(lib.gridZones.has('WORLD')).toBe(true);
    for (const factor of lib.library.gridFactors.filter((_, i) => i % 997 === 0)) {
      expect(['direct', 'lifecycle']).toContain(factor.basis);
      expect(factor.licence.length).toBeGreaterThan(0);
      expect(factor.datasetVersion.length).toBeGreaterThan(0);
      expect(factor.periodEnd.getTime()).toBeGreaterThan(factor.periodStart.getTime());
    }
  });
});
