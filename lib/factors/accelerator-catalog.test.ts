import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { csvRows } from './csv-rows';
import { parseAccelerators } from './parse-accelerators';

const text = readFileSync(
  path.resolve(import.meta.dirname, '../../reference/accelerators/accelerators.csv'),
  'utf8',
);
const rows = csvRows(text);

/** The accelerators issue 19 asks the catalog to carry ("the accelerators people rent today"). */
const RENTED_TODAY = [
  'nvidia-h100-pcie',
  'nvidia-h100-nvl',
  'nvidia-h100-sxm',
  'nvidia-h200-sxm',
  'nvidia-gh200',
  'nvidia-b200',
  'nvidia-gb200',
  'nvidia-l4',
  'nvidia-l40s',
  'nvidia-a10g',
  'nvidia-a10',
  'nvidia-t4',
  'nvidia-v100',
  'nvidia-a100-pcie-40gb',
  'nvidia-a100-pcie-80gb',
  'nvidia-a100-sxm4-40gb',
  'nvidia-a100-sxm4',
  'nvidia-rtx-4090',
  'nvidia-rtx-6000-ada',
  'amd-mi250x',
  'amd-mi300x',
  'intel-gaudi2',
  'intel-gaudi3',
  'google-tpu-v4',
  'google-tpu-v5e',
  'google-tpu-v5p',
  'google-tpu-v6e',
  'aws-trainium',
  'aws-trainium2',
  'aws-inferentia2',
];

describe('bundled accelerator catalog (reference/accelerators/accelerators.csv)', () => {
  test('every row parses (TDP, memory and embodied figures present), ids are unique', () => {
    const specs = parseAccelerators(text);
    expect(specs).toHaveLength(rows.length);
    expect(new Set(specs.map((s) => s.id)).size).toBe(specs.length);
    for (const spec of specs) {
      expect(spec.memoryGb, spec.id).toBeGreaterThan(0);
      expect(spec.embodiedLowKgCo2e, spec.id).toBeLessThanOrEqual(spec.embodiedKgCo2e);
      expect(spec.embodiedHighKgCo2e, spec.id).toBeGreaterThanOrEqual(spec.embodiedKgCo2e);
    }
  });

  test('carries every accelerator of the issue', () => {
    const ids = new Set(rows.map((r) => r.id));
    expect(RENTED_TODAY.filter((id) => !ids.has(id))).toEqual([]);
  });

  test('every figure names its source; generic or borrowed figures say they are an assumption', () => {
    for (const row of rows) {
      expect(row.power_source?.length, row.id).toBeGreaterThan(10);
      expect(row.embodied_source?.length, row.id).toBeGreaterThan(10);
      // 150 kg is the CCF generic card value, not a measurement of this device.
      if (row.embodied_kgco2e === '150') {
        expect(row.embodied_source, row.id).toMatch(/^Assumption: CCF generic/);
      }
      // Only the devices with a published PCF or teardown may omit the flag.
      if (!/^NVIDIA HGX (H100|B200) PCF|^Falk et al/.test(row.embodied_source ?? '')) {
        expect(row.embodied_source, row.id).toMatch(/^Assumption: /);
      }
    }
  });
});
