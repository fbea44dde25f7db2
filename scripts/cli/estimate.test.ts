import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

/**
 * The CLI contract of issue 3 §4 (docs/CLI.md), checked on the real process: `tsx scripts/footprint.ts estimate`.
 * Golden inputs are the engine's published cases (lib/emissions/published-cases.test.ts) as generic-template CSVs.
 */
const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => path.join('scripts/cli/fixtures', name);
const run = promisify(execFile);

async function footprint(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      'npx',
      ['tsx', '--conditions=react-server', 'scripts/footprint.ts', ...args],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const TOTAL_KEYS = [
  'records',
  'itEnergyKwh',
  'energyKwh',
  'locationKgCo2e',
  'marketKgCo2e',
  'embodiedKgCo2e',
  'waterOnsiteL',
  'waterOffsiteL',
  'uncertainty',
];
const RECORD_KEYS = [
  'line',
  'recordId',
  'itEnergyKwh',
  'energyKwh',
  'pue',
  'intensityGCo2ePerKwh',
  'intensitySource',
  'locationKgCo2e',
  'marketKgCo2e',
  'embodiedKgCo2e',
  'waterOnsiteL',
  'waterOffsiteL',
  'assumptions',
];

interface TReport {
  methodologyVersion: string;
  totals: Record<string, unknown> & { uncertainty: Record<string, unknown> };
  records: (Record<string, unknown> & { recordId: string; energyKwh: number; locationKgCo2e: number })[];
  errors: { line: number; column: string | null; message: string }[];
  resolutions: Record<string, unknown>[];
}

/** Published figures round to whole units below 100, so the tolerance is max(1 %, half a unit). */
function expectWithin(actual: number, published: number, roundingUnit = 0) {
  expect(Math.abs(actual - published)).toBeLessThanOrEqual(
    Math.max(0.01 * Math.abs(published), roundingUnit / 2),
  );
}

const LB_KG = 0.45359237;

describe('footprint estimate --json', { timeout: 60_000 }, () => {
  test('prints exactly one JSON document with the contract keys, exit 0 when every row is valid', async () => {
    const { code, stdout } = await footprint('estimate', fixture('patterson-2021.csv'), '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as TReport;
    expect(Object.keys(report)).toEqual(['methodologyVersion', 'totals', 'records', 'errors', 'resolutions']);
    expect(Object.keys(report.totals)).toEqual(TOTAL_KEYS);
    expect(Object.keys(report.totals.uncertainty)).toEqual(['lowKgCo2e', 'highKgCo2e']);
    expect(report.records).toHaveLength(4);
    for (const record of report.records) {
      expect(Object.keys(record)).toEqual(RECORD_KEYS);
    }
    expect(report.errors).toEqual([]);
    expect(report.methodologyVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  test('Patterson et al. 2021 Table 4 reproduced within 1 % through the CLI', async () => {
    const { stdout } = await footprint('estimate', fixture('patterson-2021.csv'), '--json');
    const byId = new Map((JSON.parse(stdout) as TReport).records.map((r) => [r.recordId, r]));
    const published = [
      { id: 't5', mwh: 85.7, t: 46.7 },
      { id: 'meena', mwh: 232, t: 96.4 },
      { id: 'gpt-3', mwh: 1287, t: 552.1 },
      { id: 'evolved-transformer-nas', mwh: 7.5, t: 3.2 },
    ];
    for (const row of published) {
      const record = byId.get(row.id);
      expect(record).toBeDefined();
      expectWithin((record?.energyKwh ?? 0) / 1000, row.mwh);
      expectWithin((record?.locationKgCo2e ?? 0) / 1000, row.t);
    }
  });

  test('Strubell et al. 2019 Table 3 reproduced within 1 % (or the published rounding) through the CLI', async () => {
    const { stdout } = await footprint('estimate', fixture('strubell-2019.csv'), '--json');
    const byId = new Map((JSON.parse(stdout) as TReport).records.map((r) => [r.recordId, r]));
    const published = [
      { id: 'transformer-base', kwh: 27, lbs: 26 },
      { id: 'transformer-big', kwh: 201, lbs: 192 },
      { id: 'elmo', kwh: 275, lbs: 262 },
      { id: 'bert-base', kwh: 1507, lbs: 1438 },
    ];
    for (const row of published) {
      const record = byId.get(row.id);
      expect(record).toBeDefined();
      expectWithin(record?.energyKwh ?? 0, row.kwh, 1);
      expectWithin((record?.locationKgCo2e ?? 0) / LB_KG, row.lbs, 1);
    }
  });

  test('GPU names as nvidia-smi prints them use their catalog power, not the 200 W unknown-device default', async () => {
    const { code, stdout } = await footprint('estimate', fixture('nvidia-smi-names.csv'), '--json');
    expect(code).toBe(0);
    const byId = new Map((JSON.parse(stdout) as TReport).records.map((r) => [r.recordId, r]));
    // Utilisation 1 draws the datasheet TDP: devices × 10 h × W / 1000, PUE 1, 100 g/kWh.
    const expected = [
      { id: 'h100', kwh: (8 * 10 * 700) / 1000 }, // H100 SXM5 (HBM3 board), 700 W
      { id: 'a100', kwh: (4 * 10 * 400) / 1000 }, // A100 SXM4 80 GB, 400 W
      { id: 'v100', kwh: (2 * 10 * 250) / 1000 }, // V100 PCIe 16 GB, 250 W
    ];
    for (const row of expected) {
      const record = byId.get(row.id);
      expect(record?.energyKwh).toBeCloseTo(row.kwh, 9);
      expect(record?.locationKgCo2e).toBeCloseTo((row.kwh * 100) / 1000, 9);
      expect(record?.assumptions).not.toContain('ACCELERATOR_UNKNOWN');
    }
  });

  test('resolutions: each distinct accelerator and region once, with its row count and what it resolved to', async () => {
    const { stdout } = await footprint('estimate', fixture('names-review.csv'), '--json');
    const report = JSON.parse(stdout) as TReport;
    expect(report.resolutions).toHaveLength(5);
    expect(report.resolutions).toEqual([
      expect.objectContaining({
        kind: 'accelerator',
        name: 'NVIDIA H100 80GB HBM3',
        rows: 2,
        resolved: true,
        tdpW: 700,
      }),
      expect.objectContaining({
        kind: 'accelerator',
        name: 'Tesla V100-PCIE-16GB',
        rows: 1,
        resolved: true,
        tdpW: 250,
      }),
      expect.objectContaining({
        kind: 'region',
        name: 'us-east-1',
        provider: 'aws',
        rows: 1,
        resolved: true,
      }),
      // Alpha-3 country code: France.
      expect.objectContaining({ kind: 'region', name: 'FRA', rows: 1, resolved: true, countryCode: 'FR' }),
      // OCI São Paulo is in Brazil (not Saudi Arabia by its first letters).
      expect.objectContaining({ kind: 'region', name: 'sa-saopaulo-1', provider: 'oci', countryCode: 'BR' }),
    ]);
  });

  test('the text output prints the "Resolved names" table', async () => {
    const { stdout } = await footprint('estimate', fixture('names-review.csv'));
    expect(stdout).toContain('Resolved names:');
    expect(stdout).toMatch(/region\s+FRA\s+1\s+grid zone FR/);
  });

  test('exit 1 when a row is invalid; valid rows are still estimated and errors carry line and column', async () => {
    const { code, stdout } = await footprint('estimate', fixture('one-invalid-row.csv'), '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as TReport;
    expect(report.records.map((r) => r.recordId)).toEqual(['ok-1']);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ line: 3, column: 'ended_at' });
    expect(report.errors[0]?.message).toContain('not-a-date');
  });

  test('an accelerator or region the catalog does not know is a row error, as in an upload, never a default', async () => {
    const { code, stdout } = await footprint('estimate', fixture('unknown-names.csv'), '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as TReport;
    expect(report.records.map((r) => r.recordId)).toEqual(['known']);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'accelerator'],
      [4, 'region'],
    ]);
    expect(report.errors[0]?.message).toContain('"NVIDIA A100 96GB" is not in the catalog');
    expect(report.errors[1]?.message).toContain('"xx-nowhere-9"');
  });
});

describe('footprint estimate --time-zone', { timeout: 60_000 }, () => {
  test('reaches the generic parser: wall times across DST are elapsed time in that zone', async () => {
    // One device at a stated 1,000 W with PUE 1: IT energy (kWh) = hours of the run.
    // Europe/Paris: 2024-03-31 01:00 CET (00:00Z) → 04:00 CEST (02:00Z) = 2 h;
    //               2024-10-27 01:00 CEST (2024-10-26 23:00Z) → 04:00 CET (03:00Z) = 4 h. In UTC both are 3 h.
    const energyOf = async (...zone: string[]) => {
      const { code, stdout } = await footprint('estimate', fixture('dst-wall-times.csv'), '--json', ...zone);
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as TReport;
      return Object.fromEntries(report.records.map((r) => [r.recordId, r.energyKwh]));
    };
    const [paris, utc] = await Promise.all([energyOf('--time-zone', 'Europe/Paris'), energyOf()]);
    expect(paris).toEqual({ spring: 2, fall: 4 });
    expect(utc).toEqual({ spring: 3, fall: 3 });
  });
});

describe('footprint estimate (human output and usage errors)', { timeout: 60_000 }, () => {
  test('human output lists invalid rows as file:line [column] and exits 1', async () => {
    const { code, stdout } = await footprint('estimate', fixture('one-invalid-row.csv'));
    expect(code).toBe(1);
    expect(stdout).toContain('one-invalid-row.csv:3 [ended_at]');
    expect(stdout).toContain('Location-based');
  });

  test('exit 2 for an unreadable file, an unknown option, a bad --format or a missing file argument', async () => {
    const results = await Promise.all([
      footprint('estimate', fixture('does-not-exist.csv'), '--json'),
      footprint('estimate', fixture('patterson-2021.csv'), '--verbose'),
      footprint('estimate', fixture('patterson-2021.csv'), '--format', 'xml'),
      footprint('estimate'),
      footprint('no-such-command'),
    ]);
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Usage:');
    }
    expect(results[0]?.stderr).toContain('cannot read');
  });
});
