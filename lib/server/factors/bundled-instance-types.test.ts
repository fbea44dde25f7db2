import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createCatalogCheck } from '@/lib/emissions/catalog-check';
import { computeFootprints } from '@/lib/emissions/compute-footprints';
import { type IndexedFactorLibrary, indexFactorLibrary } from '@/lib/emissions/index-factor-library';
import { computeItEnergy } from '@/lib/emissions/it-energy';
import { DEFAULT_METHODOLOGY_SETTINGS } from '@/lib/emissions/methodology-settings';
import { resolveInstanceType } from '@/lib/emissions/resolve-instance-type';
import { csvRows } from '@/lib/factors/csv-rows';
import { type TProvider, type TUsageRecordInput, ZUsageRecordInput } from '@/lib/schemas/usage-record';
import { loadBundledFactorLibrary } from './load-bundled-factor-library';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let lib: IndexedFactorLibrary;

beforeAll(() => {
  lib = indexFactorLibrary(loadBundledFactorLibrary(path.join(ROOT, 'reference')));
});

// Catalog id expected for each `accelerator_model` as the sources write it, decided by hand from the model name
// (and, where the name leaves the form factor open, from the provider's description of the series: see
// reference/instance-types/SOURCES.md), independently of the table's own accelerator_id column.
const EXPECTED_BY_MODEL: Record<string, string> = {
  'NVIDIA V100 SXM2 16GB': 'nvidia-v100-sxm2-16gb',
  'NVIDIA V100 SXM2 32GB': 'nvidia-v100',
  'NVIDIA A100 SXM4 40GB': 'nvidia-a100-sxm4-40gb',
  'NVIDIA A100 SXM4 80GB': 'nvidia-a100-sxm4',
  'NVIDIA A100 40GB': 'nvidia-a100-sxm4-40gb',
  'NVIDIA A100 80GB': 'nvidia-a100-sxm4',
  'NVIDIA H100 80GB': 'nvidia-h100-sxm',
  'NVIDIA H100 Mega 80GB': 'nvidia-h100-sxm',
  'NVIDIA H100': 'nvidia-h100-nvl',
  'NVIDIA H200 141GB': 'nvidia-h200-sxm',
  'NVIDIA T4': 'nvidia-t4',
  'NVIDIA A10G': 'nvidia-a10g',
  'NVIDIA A10': 'nvidia-a10',
  'NVIDIA L4': 'nvidia-l4',
  'NVIDIA L40S': 'nvidia-l40s',
  'AWS Trainium': 'aws-trainium',
  'AWS Trainium2': 'aws-trainium2',
  'AWS Inferentia2': 'aws-inferentia2',
  'Google TPU v4': 'google-tpu-v4',
  'Google TPU v5e': 'google-tpu-v5e',
  'Google TPU v5p': 'google-tpu-v5p',
  'Google TPU v6e': 'google-tpu-v6e',
};
// Azure NC A100 v4 sizes carry PCIe cards, unlike every other "A100 80GB" machine in the table.
const EXPECTED_BY_TYPE: Record<string, string> = {
  Standard_NC24ads_A100_v4: 'nvidia-a100-pcie-80gb',
  Standard_NC48ads_A100_v4: 'nvidia-a100-pcie-80gb',
  Standard_NC96ads_A100_v4: 'nvidia-a100-pcie-80gb',
};

// The shipped table; its row counts are those of the compiled source (SOURCES.md), so a row lost in the copy fails.
const SHARED_ROWS = csvRows(
  readFileSync(path.join(ROOT, 'reference/instance-types/instance-types.csv'), 'utf8'),
);

function expectedCount(text: string): number | null {
  if (text === '') {
    return null;
  }
  const [num, den] = text.split('/');
  return Number(num) / (den ? Number(den) : 1);
}

describe('every instance type of reference/instance-types resolves', () => {
  test('the table has the 89 rows of the compiled source (AWS 49, GCP 25, Azure 15)', () => {
    expect(SHARED_ROWS).toHaveLength(89);
    const perProvider = (p: string) => SHARED_ROWS.filter((r) => r.provider === p).length;
    expect([perProvider('AWS'), perProvider('GCP'), perProvider('Azure')]).toEqual([49, 25, 15]);
  });

  test.each(
    SHARED_ROWS.map((r) => [
      r.provider ?? '',
      r.instance_type ?? '',
      r.accelerator_model ?? '',
      r.accelerator_count ?? '',
    ]),
  )('%s %s → %s × %s', (provider, name, model, count) => {
    const expectedId = EXPECTED_BY_TYPE[name] ?? EXPECTED_BY_MODEL[model];
    expect(expectedId).toBeDefined();
    const byProvider = resolveInstanceType(lib, provider.toLowerCase() as TProvider, name);
    expect(byProvider?.spec.name).toBe(name);
    expect(byProvider?.accelerator?.id).toBe(expectedId);
    expect(byProvider?.spec.acceleratorCount).toBe(expectedCount(count));
    // Case-insensitive, and without a provider (type names do not repeat across providers).
    expect(resolveInstanceType(lib, undefined, ` ${name.toUpperCase()} `)?.spec).toBe(byProvider?.spec);
  });

  test('a type of another provider, a near name or a prefix is unknown, never a guess', () => {
    expect(resolveInstanceType(lib, 'gcp', 'p4d.24xlarge')).toBeNull();
    expect(resolveInstanceType(lib, 'aws', 'p4d.24xl')).toBeNull();
    expect(resolveInstanceType(lib, 'aws', 'p4d')).toBeNull();
    expect(resolveInstanceType(lib, 'aws', 'g5.13xlarge')).toBeNull();
    expect(resolveInstanceType(lib, 'azure', 'ND96isr_H100_v5')).toBeNull();
  });
});

const SETTINGS = DEFAULT_METHODOLOGY_SETTINGS;
const tenHours = (overrides: Partial<TUsageRecordInput>): TUsageRecordInput => ({
  phase: 'training',
  startedAt: new Date('2024-06-01T00:00:00Z'),
  endedAt: new Date('2024-06-01T10:00:00Z'),
  provider: 'aws',
  ...overrides,
});

const itEnergy = (overrides: Partial<TUsageRecordInput>) =>
  computeItEnergy(tenHours(overrides), lib, SETTINGS);

describe('instance-hours become accelerator-hours plus the sourced host share', () => {
  test('AWS p4d.24xlarge for 10 h: 8 × A100 SXM4 40GB = 80 device-hours, host share from the Teads model', () => {
    const it = itEnergy({ instanceType: 'p4d.24xlarge' });
    // Accelerator: catalog A100 SXM4 40GB, TDP 400 W, idle 46 W; default utilisation 0.5:
    //   P = 46 + 0.5 × (400 − 46) = 223 W per device; 80 device-hours × 223 W = 17.84 kWh.
    // Host: Teads whole-instance 3,781.8 W at 50 % load; minus 8 × 223 W = 1,784 W → 1,997.8 W;
    //   1 instance × 10 h × 1,997.8 W = 19.978 kWh. IT energy = 17.84 + 19.978 = 37.818 kWh.
    expect(it.deviceHours).toBe(80);
    expect(it.accelerator?.id).toBe('nvidia-a100-sxm4-40gb');
    expect(it.powerPerDeviceW).toBeCloseTo(223, 9);
    expect(it.hostEnergyKwh).toBeCloseTo(19.978, 9);
    expect(it.itEnergyKwh).toBeCloseTo(37.818, 9);
    expect(it.flags).toEqual([
      'INSTANCE_COUNT_DEFAULT',
      'ENERGY_FROM_TDP_MODEL',
      'UTILIZATION_DEFAULT',
      'INSTANCE_HOST_FROM_TABLE',
    ]);
    expect(it.factorRefs.find((r) => r.kind === 'instance-host-power')?.value).toBeCloseTo(1997.8, 9);
  });

  test('instance_count × duration, utilisation between the Teads points (g4dn.12xlarge, 3 instances, u = 0.75)', () => {
    const it = itEnergy({ instanceType: 'g4dn.12xlarge', instanceCount: 3, utilization: 0.75 });
    // 3 instances × 10 h = 30 instance-hours × 4 T4 = 120 device-hours.
    // T4: TDP 70 W, idle 8 W → P(0.75) = 8 + 0.75 × 62 = 54.5 W; 120 × 54.5 W = 6.54 kWh.
    // Instance W at 0.75: halfway between the Teads 50 % point 494.5 W and the 100 % point 677.4 W = 585.95 W;
    // host = 585.95 − 4 × 54.5 = 367.95 W; 30 instance-hours × 367.95 W = 11.0385 kWh. Total 17.5785 kWh.
    expect(it.deviceHours).toBe(120);
    expect(it.hostEnergyKwh).toBeCloseTo(11.0385, 9);
    expect(it.itEnergyKwh).toBeCloseTo(17.5785, 9);
  });

  test('instance_hours given directly; no host figures → accelerators only (g5.12xlarge)', () => {
    const it = itEnergy({ instanceType: 'g5.12xlarge', instanceHours: 25, utilization: 1 });
    // 25 instance-hours × 4 A10G = 100 device-hours at TDP (u = 1) 150 W = 15 kWh; no host share sourced.
    expect(it.deviceHours).toBe(100);
    expect(it.itEnergyKwh).toBeCloseTo(15, 9);
    expect(it.hostEnergyKwh).toBe(0);
    expect(it.flags).not.toContain('INSTANCE_HOST_FROM_TABLE');
  });

  test('stated power per device: the host share subtracts that power, and replaces the overhead fraction', () => {
    const it = computeItEnergy(tenHours({ instanceType: 'g4dn.xlarge', acceleratorPowerW: 60 }), lib, {
      ...SETTINGS,
      hostOverheadFraction: 0.3,
    });
    // 10 instance-hours × 1 T4 at 60 W = 0.6 kWh. Host at u = 0.5 (default): 76.3 − 60 = 16.3 W × 10 h = 0.163 kWh.
    expect(it.method).toBe('stated-power');
    expect(it.itEnergyKwh).toBeCloseTo(0.763, 9);
    expect(it.flags).toEqual([
      'INSTANCE_COUNT_DEFAULT',
      'ENERGY_FROM_STATED_POWER',
      'INSTANCE_HOST_FROM_TABLE',
      'UTILIZATION_DEFAULT',
    ]);
    expect(it.flags).not.toContain('HOST_OVERHEAD_APPLIED');
  });

  test('an unknown type on a path without the catalog check: one device per instance, flagged', () => {
    const it = itEnergy({ instanceType: 'p9.mega', instanceCount: 2, utilization: 1 });
    // 2 × 10 h = 20 device-hours of the unknown default device (200 W at u = 1) = 4 kWh.
    expect(it.deviceHours).toBe(20);
    expect(it.accelerator).toBeNull();
    expect(it.itEnergyKwh).toBeCloseTo(4, 9);
    expect(it.flags).toEqual(expect.arrayContaining(['INSTANCE_TYPE_UNKNOWN', 'ACCELERATOR_UNKNOWN']));
  });

  test('a fractional GPU partition counts its share (Azure NV6ads A10 v5 = 1/6 A10)', () => {
    const it = itEnergy({ provider: 'azure', instanceType: 'Standard_NV6ads_A10_v5', instanceCount: 6 });
    // 6 instances × 10 h × 1/6 = 10 device-hours of one A10.
    expect(it.deviceHours).toBeCloseTo(10, 12);
    expect(it.accelerator?.id).toBe('nvidia-a10');
  });

  test('measured energy still wins; the instance gives device-hours for the embodied share', () => {
    const [fp] = computeFootprints(
      [tenHours({ instanceType: 'p5.48xlarge', instanceCount: 2, energyKwh: 100, region: 'us-east-1' })],
      lib,
      SETTINGS,
      [],
    );
    // 2 × 10 h × 8 H100 = 160 device-hours.
    expect(fp?.itEnergyKwh).toBe(100);
    expect(fp?.deviceHours).toBe(160);
    expect(fp?.acceleratorId).toBe('nvidia-h100-sxm');
  });
});

describe('catalog check and schema rules for instance rows', () => {
  const check = () => createCatalogCheck(lib);

  test('an unknown instance type is a row error naming it', () => {
    const issues = check()(tenHours({ instanceType: 'p4d.24xl' }));
    expect(issues).toEqual([
      {
        field: 'instanceType',
        message: expect.stringMatching(/instance type "p4d\.24xl" \(provider aws\) is not in the catalog/),
      },
    ]);
  });

  test('a type without a sourced accelerator count asks for accelerator and count instead', () => {
    expect(check()(tenHours({ instanceType: 'trn2.48xlarge' }))[0]?.message).toMatch(
      /no sourced accelerator count/,
    );
  });

  test('an accelerator that contradicts the table is a row error naming both', () => {
    const issues = check()(tenHours({ instanceType: 'p4d.24xlarge', accelerator: 'H100' }));
    expect(issues[0]?.field).toBe('accelerator');
    expect(issues[0]?.message).toMatch(
      /"H100" does not match instance type "p4d\.24xlarge", which carries NVIDIA A100 SXM4 40GB/,
    );
    expect(check()(tenHours({ instanceType: 'p4d.24xlarge', accelerator: 'NVIDIA A100-SXM4-40GB' }))).toEqual(
      [],
    );
  });

  test('an instance row may not also give accelerator_count or accelerator_hours; instance fields need a type', () => {
    const base = { phase: 'training', startedAt: '2024-06-01T00:00:00Z', endedAt: '2024-06-01T10:00:00Z' };
    const both = ZUsageRecordInput.safeParse({ ...base, instanceType: 'p4d.24xlarge', acceleratorCount: 8 });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]?.path).toEqual(['acceleratorCount']);
    const orphan = ZUsageRecordInput.safeParse({ ...base, instanceCount: 2 });
    expect(orphan.error?.issues[0]?.message).toBe('instance_count needs an instance_type');
    expect(
      ZUsageRecordInput.safeParse({ ...base, instanceType: 'p4d.24xlarge', instanceCount: 2 }).success,
    ).toBe(true);
  });
});
