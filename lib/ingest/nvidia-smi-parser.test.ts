import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { INGEST_FLAGS } from './flags';
import { parseUsageFile } from './parse-usage-file';
import type { ParseOptions } from './types';

const dir = path.resolve(import.meta.dirname, '../../e2e/files/nvidia-smi');
const load = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const opts = (extra: Partial<ParseOptions> = {}): ParseOptions => ({
  fileName: 'gpu.csv',
  defaults: { phase: 'training', team: 'ml', project: 'p', provider: 'on_prem', region: 'DE' },
  ...extra,
});

test('two A100s with units: trapezoid energy by hand, [N/A] skipped, zone applied', () => {
  const result = parseUsageFile(load('a100-2gpu-units.csv'), opts({ timeZone: 'Europe/Berlin' }));
  expect(result.format).toBe('nvidia-smi');
  expect(result.errors).toEqual([]);
  expect(result.records).toHaveLength(1);
  const [rec] = result.records;
  // GPU0: (300+310)/2 + (310+320)/2 + (320+330)/2 = 945 J over 3 s.
  // GPU1: (200+210)/2·1 s + (210+230)/2·2 s (12:00:02 is [N/A]) = 645 J over 3 s. Total 1590 J.
  expect(rec?.record.energyKwh).toBeCloseTo(1590 / 3.6e6, 12);
  expect(rec?.record.acceleratorCount).toBe(2);
  expect(rec?.record.acceleratorHours).toBeCloseTo(6 / 3600, 12);
  expect(rec?.record.acceleratorPowerW).toBeCloseTo(265, 9);
  // Utilisation of the 7 integrated samples: (90+92+94+96+80+82+86)/7 %.
  expect(rec?.record.utilization).toBeCloseTo(620 / 7 / 100, 12);
  expect(rec?.record).toMatchObject({
    phase: 'training',
    accelerator: 'NVIDIA A100-SXM4-80GB',
    team: 'ml',
    region: 'DE',
    recordId: 'nvidia-smi:NVIDIA A100-SXM4-80GB:2024-05-01T10:00:00.000Z',
  });
  expect(rec?.record.startedAt.toISOString()).toBe('2024-05-01T10:00:00.000Z');
  expect(rec?.record.endedAt.toISOString()).toBe('2024-05-01T10:00:03.002Z');
  expect(rec?.line).toBe(2);
  expect(rec?.flags).toEqual([INGEST_FLAGS.GPU_ONLY_BOUNDARY]);
  expect(rec?.source?.nvidiaSmi).toEqual({
    gpuIndices: ['0', '1'],
    gpuName: 'NVIDIA A100-SXM4-80GB',
    samples: 7,
    gapsSkipped: 0,
  });
  expect(result.warnings).toEqual([
    expect.objectContaining({
      line: 7,
      column: 'power.draw [W]',
      message: expect.stringMatching(/1 sample\(s\) without power \(\[N\/A\]\)/),
    }),
  ]);
});

test('nounits log with a stray line and a repeated header', () => {
  const result = parseUsageFile(load('h100-nounits.csv'), opts());
  expect(result.errors).toEqual([]);
  // (600+620)/2·1 s + (620+640)/2·2 s = 610 + 1260 = 1870 J
  expect(result.records[0]?.record.energyKwh).toBeCloseTo(1870 / 3.6e6, 12);
  expect(result.records[0]?.record.utilization).toBeCloseTo(0.98, 12);
  expect(result.warnings.map((w) => w.line)).toEqual([4, 5]);
  expect(result.warnings[1]?.message).toMatch(/repeated header/);
});

test('a gap above the limit splits the session and is not integrated', () => {
  const result = parseUsageFile(load('v100-gap.csv'), opts());
  expect(result.records).toHaveLength(2);
  // 12:00:00–02: (100+200)/2 + (200+100)/2 = 300 J; 12:02:02–03: (50+150)/2 = 100 J.
  expect(result.records.map((r) => r.record.energyKwh)).toEqual([300 / 3.6e6, 100 / 3.6e6]);
  expect(result.records.map((r) => r.source?.nvidiaSmi?.gapsSkipped)).toEqual([1, 1]);
  expect(result.warnings).toEqual([
    expect.objectContaining({
      line: 5,
      message: expect.stringMatching(
        /no sample for 120\.0 s between line 4 and line 5, longer than the 60 s limit/,
      ),
    }),
  ]);
});

test('a larger limit bridges the gap', () => {
  const result = parseUsageFile(load('v100-gap.csv'), opts({ nvidiaSmiMaxGapSeconds: 200 }));
  // 300 J + (100+50)/2·120 s + 100 J = 9400 J
  expect(result.records).toHaveLength(1);
  expect(result.records[0]?.record.energyKwh).toBeCloseTo(9400 / 3.6e6, 12);
  expect(result.warnings).toEqual([]);
});

test('phase is required from the upload form', () => {
  const result = parseUsageFile(load('v100-gap.csv'), { fileName: 'gpu.csv' });
  expect(result.records).toEqual([]);
  expect(result.errors).toEqual([
    expect.objectContaining({ line: 1, column: null, message: expect.stringMatching(/choose a phase/) }),
  ]);
});

test('bad timestamps and power values are row errors; isolated samples are warned about', () => {
  const csv = [
    'timestamp, index, name, power.draw [W]',
    '2024/05/01 12:00:00.000, 0, G, 100 W',
    '2024/05/01 12:00:01.000, 0, G, abc W',
    'yesterday, 0, G, 100 W',
    '2024/05/01 12:00:02.000, 0, G, -3 W',
    '2024/05/01 12:00:02.000, 0, G, 100 W',
    '2024/05/01 13:00:00.000, 0, G, 100 W',
  ].join('\n');
  const result = parseUsageFile(new TextEncoder().encode(csv), opts());
  expect(result.errors.map((e) => [e.line, e.column])).toEqual([
    [3, 'power.draw [W]'],
    [4, 'timestamp'],
    [5, 'power.draw [W]'],
  ]);
  expect(result.records[0]?.record.energyKwh).toBeCloseTo(200 / 3.6e6, 12);
  expect(result.warnings.map((w) => w.message)).toEqual([
    expect.stringMatching(/no sample for 3598\.0 s/),
    expect.stringMatching(/isolated sample on line 7/),
  ]);
  expect(result.stats).toEqual({ rows: 6, accepted: 1, rejected: 3, duplicatesCollapsed: 0 });
});

test('GPUs of different models give separate records; uuid identifies GPUs', () => {
  const csv = [
    'timestamp, index, uuid, name, power.draw [W]',
    '2024/05/01 12:00:00, 0, GPU-aaa, NVIDIA H100 80GB HBM3, 700 W',
    '2024/05/01 12:00:00, 1, GPU-bbb, NVIDIA A100-SXM4-80GB, 400 W',
    '2024/05/01 12:00:10, 0, GPU-aaa, NVIDIA H100 80GB HBM3, 700 W',
    '2024/05/01 12:00:10, 1, GPU-bbb, NVIDIA A100-SXM4-80GB, 400 W',
  ].join('\r\n');
  const result = parseUsageFile(new TextEncoder().encode(csv), opts());
  expect(result.records.map((r) => [r.record.accelerator, r.record.energyKwh])).toEqual([
    ['NVIDIA H100 80GB HBM3', 7000 / 3.6e6],
    ['NVIDIA A100-SXM4-80GB', 4000 / 3.6e6],
  ]);
});

test('a log without power.draw is refused with the command to use', () => {
  const result = parseUsageFile(
    new TextEncoder().encode('timestamp, index, name, temperature.gpu\n2024/05/01 12:00:00, 0, G, 40\n'),
    opts(),
  );
  expect(result.errors[0]?.message).toMatch(/lacks power\.draw.*--query-gpu/);
});

test('an invalid gap limit is an error', () => {
  const result = parseUsageFile(load('v100-gap.csv'), opts({ nvidiaSmiMaxGapSeconds: 0 }));
  expect(result.errors[0]?.message).toMatch(/nvidiaSmiMaxGapSeconds must be a positive/);
});

test('a log through a fall-back is read in log order: one continuous session, not two', () => {
  // America/New_York 2024-11-03: 01:59:59 EDT (05:59:59Z) is followed by 01:00:00 EST (06:00:00Z).
  // 100 W flat over 05:59:58Z → 06:00:01Z = 3 s → 300 J. Reading every 01:xx as EDT would put the last two
  // samples an hour earlier (05:00:00Z) and split the log into two sessions.
  const log = [
    'timestamp, index, name, power.draw [W]',
    '2024/11/03 01:59:58.000, 0, G, 100 W',
    '2024/11/03 01:59:59.000, 0, G, 100 W',
    '2024/11/03 01:00:00.000, 0, G, 100 W',
    '2024/11/03 01:00:01.000, 0, G, 100 W',
  ].join('\n');
  const result = parseUsageFile(new TextEncoder().encode(log), opts({ timeZone: 'America/New_York' }));
  expect(result.errors).toEqual([]);
  expect(result.records).toHaveLength(1);
  const rec = result.records[0]?.record;
  expect(rec?.startedAt.toISOString()).toBe('2024-11-03T05:59:58.000Z');
  expect(rec?.endedAt.toISOString()).toBe('2024-11-03T06:00:01.000Z');
  expect(rec?.energyKwh).toBeCloseTo(300 / 3.6e6, 12);
  expect(result.warnings).toContainEqual({
    fileName: 'gpu.csv',
    line: 2,
    column: 'timestamp',
    message:
      '4 sample(s) fall in the hour that happens twice in America/New_York when the clocks go back (first on line 2); read in log order: first occurrence until the clock steps back, then the second',
  });
});

test('a sample in the hour the clocks skip is a row error naming the zone', () => {
  const log = ['timestamp, index, name, power.draw [W]', '2024/03/31 02:30:00.000, 0, G, 100 W'].join('\n');
  const result = parseUsageFile(new TextEncoder().encode(log), opts({ timeZone: 'Europe/Paris' }));
  expect(result.errors).toContainEqual({
    fileName: 'gpu.csv',
    line: 2,
    column: 'timestamp',
    message: expect.stringContaining('"2024/03/31 02:30:00.000" does not exist in Europe/Paris'),
  });
});
