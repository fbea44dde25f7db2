import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { csvRows } from '@/lib/factors/csv-rows';
import { parseAccelerators } from '@/lib/factors/parse-accelerators';
import { createCatalogCheck } from './catalog-check';
import { indexFactorLibrary } from './index-factor-library';
import { matchAccelerator, parseAcceleratorName, resolveAccelerator } from './resolve-accelerator';
import { record } from './testing/fixture-library';

const reference = (file: string) =>
  readFileSync(path.resolve(import.meta.dirname, '../../reference/accelerators', file), 'utf8');

const catalog = parseAccelerators(reference('accelerators.csv'));
const lib = indexFactorLibrary({
  accelerators: catalog,
  locations: [],
  gridFactors: [],
  residualMixes: [],
  ewif: [],
  providerDefaults: [],
});
const idOf = (name: string) => resolveAccelerator(lib, name)?.id ?? null;

/**
 * The catalog entry each `canonical_model` of reference/accelerators/gpu-aliases.csv (nvidia-smi / NVML names,
 * compiled from public tables) must resolve to, written by hand from the canonical model, not from the resolver.
 */
const CATALOG_ID_OF_CANONICAL_MODEL: Record<string, string> = {
  'NVIDIA H100 SXM5 80GB': 'nvidia-h100-sxm',
  'NVIDIA H100 PCIe 80GB': 'nvidia-h100-pcie',
  'NVIDIA H100 NVL 94GB': 'nvidia-h100-nvl',
  'NVIDIA H200 SXM 141GB': 'nvidia-h200-sxm',
  'NVIDIA H200 NVL 141GB': 'nvidia-h200-nvl',
  'NVIDIA GH200 Grace Hopper Superchip': 'nvidia-gh200',
  'NVIDIA B200 (HGX/SXM)': 'nvidia-b200',
  'NVIDIA A100 SXM4 80GB': 'nvidia-a100-sxm4',
  'NVIDIA A100 SXM4 40GB': 'nvidia-a100-sxm4-40gb',
  'NVIDIA A100 PCIe 40GB': 'nvidia-a100-pcie-40gb',
  'NVIDIA A100 PCIe 80GB': 'nvidia-a100-pcie-80gb',
  'NVIDIA V100 SXM2 16GB': 'nvidia-v100-sxm2-16gb',
  'NVIDIA V100 SXM2 32GB': 'nvidia-v100',
  'NVIDIA V100 PCIe 16GB': 'nvidia-v100-pcie-16gb',
  'NVIDIA T4': 'nvidia-t4',
  'NVIDIA L4': 'nvidia-l4',
  'NVIDIA A10G (AWS g5 variant of A10)': 'nvidia-a10g',
  'NVIDIA A10': 'nvidia-a10',
  'NVIDIA L40S': 'nvidia-l40s',
  'NVIDIA GeForce RTX 4090': 'nvidia-rtx-4090',
};

/** NVML reports the physical 192 GB of a B200; NVIDIA's HGX B200 datasheet gives 180 GB usable per GPU. */
const MEMORY_DIFFERS = new Set(['NVIDIA B200']);

const aliasRows = csvRows(reference('gpu-aliases.csv'));

describe('every nvidia-smi name in gpu-aliases.csv resolves to its catalog entry', () => {
  test('the table covers every row of the file', () => {
    expect(aliasRows).toHaveLength(21);
    for (const row of aliasRows) {
      expect(CATALOG_ID_OF_CANONICAL_MODEL).toHaveProperty([row.canonical_model as string]);
    }
  });

  test.each(aliasRows.map((row) => [row.nvidia_smi_name as string, row]))('%s', (name, row) => {
    const expected = CATALOG_ID_OF_CANONICAL_MODEL[row.canonical_model as string];
    const match = matchAccelerator(lib, name);
    expect(match?.spec.id).toBe(expected);
    expect(match?.match).toBe('catalog');
    if (!MEMORY_DIFFERS.has(name)) {
      expect(match?.spec.memoryGb).toBe(Number(row.memory_gb));
    }
    // Case, separators and a CodeCarbon count prefix change nothing.
    expect(idOf(name.toUpperCase())).toBe(expected);
    expect(idOf(name.replace(/-/g, ' '))).toBe(expected);
    expect(matchAccelerator(lib, `8 x ${name}`)).toMatchObject({ spec: { id: expected }, count: 8 });
  });
});

describe('parseAcceleratorName', () => {
  test("CodeCarbon's `N x name` gives the count and the device name", () => {
    expect(parseAcceleratorName('4 x NVIDIA A100-SXM4-40GB')).toEqual({
      name: 'NVIDIA A100-SXM4-40GB',
      normalisedKey: 'a100sxm440gb',
      count: 4,
    });
    expect(parseAcceleratorName('  1 x  Tesla T4 ')).toEqual({
      name: 'Tesla T4',
      normalisedKey: 't4',
      count: 1,
    });
  });

  test('vendor words go only at the start; memory written with a space is the same size', () => {
    expect(parseAcceleratorName('AMD Instinct MI300X').normalisedKey).toBe('mi300x');
    expect(parseAcceleratorName('NVIDIA H100 80 GB HBM3').normalisedKey).toBe('h10080gbhbm3');
    expect(parseAcceleratorName('Tesla')).toEqual({ name: 'Tesla', normalisedKey: 'tesla' });
    expect(parseAcceleratorName('RTX 4090 NVIDIA').normalisedKey).toBe('rtx4090nvidia');
  });

  test('a machine with two GPU models (CodeCarbon joins `N x name` parts without a separator) stays unknown', () => {
    // CodeCarbon: "".join(f"{i} x {name}" for name, i in Counter(gpu_names).items())
    expect(matchAccelerator(lib, '1 x Tesla T42 x NVIDIA A100-SXM4-40GB')).toBeNull();
  });

  test('a name that only looks like a count is not split', () => {
    expect(parseAcceleratorName('4x4 board')).toEqual({ name: '4x4 board', normalisedKey: '4x4board' });
    expect(parseAcceleratorName('0 x NVIDIA L4')).toEqual({ name: 'NVIDIA L4', normalisedKey: 'l4' });
  });
});

describe('resolution is conservative', () => {
  test('vendor prefixes of non-NVIDIA accelerators', () => {
    expect(
      [
        'AMD Instinct MI250X',
        'Intel Gaudi 3',
        'Habana Gaudi2',
        'Google TPU v5e',
        'TPU v5p',
        'TPU v6e',
        'AWS Trainium2',
        'AWS Inferentia2',
        'NVIDIA RTX 6000 Ada Generation',
        'NVIDIA GB200',
      ].map(idOf),
    ).toEqual([
      'amd-mi250x',
      'intel-gaudi3',
      'intel-gaudi2',
      'google-tpu-v5e',
      'google-tpu-v5p',
      'google-tpu-v6e',
      'aws-trainium2',
      'aws-inferentia2',
      'nvidia-rtx-6000-ada',
      'nvidia-gb200',
    ]);
  });

  test('a memory size only confirms the entry with that memory; it never picks a neighbour', () => {
    expect(matchAccelerator(lib, 'NVIDIA RTX 6000 Ada Generation 48GB')).toMatchObject({
      spec: { id: 'nvidia-rtx-6000-ada' },
      match: 'memory',
    });
    expect(idOf('A100 SXM4 40GB')).toBe('nvidia-a100-sxm4-40gb');
    expect(idOf('NVIDIA A100 SXM4 80 GB')).toBe('nvidia-a100-sxm4');
    expect(idOf('NVIDIA RTX 6000 Ada Generation 24GB')).toBeNull();
    expect(idOf('NVIDIA A100 96GB')).toBeNull();
    expect(idOf('NVIDIA L4 48GB')).toBeNull();
  });

  test('no prefix or substring guess: unknown names stay unknown', () => {
    for (const name of [
      'Quantum 9000',
      'NVIDIA',
      'A100X',
      'NVIDIA H100 SXM6',
      'H20',
      'Quadro RTX 6000',
      'NVIDIA A100-SXM4-80GB MIG 1g.10gb',
      'TPU v7',
    ]) {
      expect(idOf(name), name).toBeNull();
    }
    expect(resolveAccelerator(lib, undefined)).toBeNull();
    expect(resolveAccelerator(lib, '')).toBeNull();
  });

  test('no two catalog entries share a lookup key (the first would silently win)', () => {
    const owners = new Map<string, string>();
    for (const spec of catalog) {
      for (const name of [spec.id, spec.name, ...spec.aliases]) {
        const key = parseAcceleratorName(name).normalisedKey;
        const owner = owners.get(key);
        expect(owner === undefined || owner === spec.id, `${name} (${spec.id}) vs ${owner}`).toBe(true);
        owners.set(key, spec.id);
      }
    }
  });
});

describe('the upload catalog check accepts names as tools print them', () => {
  const check = createCatalogCheck(lib);
  const usedWithCatalogPower = (accelerator: string) => check(record({ accelerator, acceleratorCount: 8 }));

  test('every nvidia-smi name of gpu-aliases.csv and CodeCarbon `N x` forms pass', () => {
    for (const row of aliasRows) {
      expect(usedWithCatalogPower(row.nvidia_smi_name as string)).toEqual([]);
    }
    expect(usedWithCatalogPower('4 x NVIDIA A100-SXM4-40GB')).toEqual([]);
  });

  test('the accelerator example of docs/CSV_FORMAT.md resolves', () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../docs/CSV_FORMAT.md'), 'utf8');
    const example = /^\| `accelerator` .*e\.g\. `([^`]+)`/m.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(usedWithCatalogPower(example as string)).toEqual([]);
  });

  test('an unknown name is still reported, never estimated with a neighbour', () => {
    expect(usedWithCatalogPower('NVIDIA A100 96GB')).toEqual([
      { field: 'accelerator', message: expect.stringContaining('"NVIDIA A100 96GB" is not in the catalog') },
    ]);
  });
});
