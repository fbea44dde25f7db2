import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { INGEST_FLAGS } from './flags';
import { parseUsageFile } from './parse-usage-file';

// Real CodeCarbon files (byte-identical copies from the CodeCarbon repository, e2e/files/codecarbon/SOURCES.md).
const dir = path.resolve(import.meta.dirname, '../../e2e/files/codecarbon');
const load = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));

describe('examples_emissions.csv (v2.3–2.6, 31 columns, 28 rows)', () => {
  const result = parseUsageFile(load('examples_emissions.csv'), {
    fileName: 'examples_emissions.csv',
    timeZone: 'Europe/Paris',
  });

  test('detects CodeCarbon and keeps 19 records: 16 runs + 3 valid rows without run_id', () => {
    expect(result.format).toBe('codecarbon');
    expect(result.headers).toHaveLength(31);
    expect(result.stats).toEqual({ rows: 28, accepted: 19, rejected: 2, duplicatesCollapsed: 7 });
    const missing = result.records.filter((r) => r.flags.includes(INGEST_FLAGS.RUN_ID_MISSING));
    expect(missing.map((r) => r.record.recordId)).toEqual([
      'codecarbon:line-3',
      'codecarbon:line-4',
      'codecarbon:line-5',
    ]);
  });

  test('reports lines 6 and 7 (empty energy_consumed) as errors, never as 0', () => {
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [6, 'energy_consumed'],
      [7, 'energy_consumed'],
    ]);
    expect(result.errors[0]?.message).toMatch(/not counted as 0/);
    expect(result.errors[0]?.fileName).toBe('examples_emissions.csv');
  });

  test('totals match the worked check in docs/CSV_FORMAT.md §4', () => {
    const energy = result.records.reduce((s, r) => s + (r.record.energyKwh ?? 0), 0);
    const reported = result.records.reduce((s, r) => s + (r.source?.codecarbon?.reportedEmissionsKg ?? 0), 0);
    expect(energy).toBeCloseTo(0.0080903, 7);
    expect(reported).toBeCloseTo(0.00019537, 8);
  });

  test('run 8a1d9822 (6 cumulative rows) collapses to line 13, converted from Paris summer time', () => {
    const run = result.records.find(
      (r) => r.record.recordId === 'codecarbon:8a1d9822-56c9-4c52-8497-5a2e32dd5b03',
    );
    expect(run?.line).toBe(13);
    expect(run?.record.energyKwh).toBe(6.403828607971138e-5);
    expect(run?.record.endedAt.toISOString()).toBe('2024-05-31T09:10:56.000Z');
    // 09:10:56 − 91.82258701324464 s
    expect(run?.record.startedAt.toISOString()).toBe('2024-05-31T09:09:24.177Z');
    expect(run?.source?.codecarbon).toMatchObject({
      runId: '8a1d9822-56c9-4c52-8497-5a2e32dd5b03',
      reportedEmissionsKg: 1.152689149434805e-6,
      reportedEnergyKwh: 6.403828607971138e-5,
      pueApplied: 1,
      countryIso: 'FRA',
      region: 'île-de-france',
      quebecFallback: false,
      trackerVersion: '2.4.3rc1',
      rowsCollapsed: 6,
    });
  });

  test('maps location, GPU and defaults; pue 1.0 is not carried and nothing is divided', () => {
    const first = result.records[0];
    // A MacBook (on_cloud N, no cloud provider, Apple M1 integrated GPU): a personal device, provider edge.
    expect(first?.record).toMatchObject({
      recordId: 'codecarbon:409f7ac2-203f-4191-9bf4-e3cdf9470de8',
      phase: 'training',
      provider: 'edge',
      region: 'FRA',
      project: 'codecarbon',
      accelerator: 'Apple M1',
      acceleratorCount: 1,
      energyKwh: 0.0004047892176375,
    });
    expect(first?.record.pue).toBeUndefined();
    expect(result.records.every((r) => r.flags.includes(INGEST_FLAGS.PHASE_DEFAULTED))).toBe(true);
    expect(result.records.some((r) => r.flags.includes(INGEST_FLAGS.PUE_REMOVED))).toBe(false);
  });

  test('warns once that lines 4 and 5 probably are one cumulative run; no overlap warning', () => {
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ line: 4, column: 'run_id' });
    expect(result.warnings[0]?.message).toMatch(/lines 4, 5 .*keep only the longest \(line 5\)/);
  });

  test('uses the upload-form phase and UTC by default', () => {
    const utc = parseUsageFile(load('examples_emissions.csv'), {
      fileName: 'x.csv',
      defaults: { phase: 'inference', team: 'research' },
    });
    const run = utc.records.find((r) => r.line === 13);
    expect(run?.record.endedAt.toISOString()).toBe('2024-05-31T11:10:56.000Z');
    expect(run?.record).toMatchObject({ phase: 'inference', team: 'research' });
    expect(run?.flags).not.toContain(INGEST_FLAGS.PHASE_DEFAULTED);
  });
});

test('emissions_valid_headers.csv (v3.2.1–3.3.0, 38 columns) parses its one row', () => {
  const result = parseUsageFile(load('emissions_valid_headers.csv'), { fileName: 'v.csv' });
  expect(result.format).toBe('codecarbon');
  expect(result.headers).toHaveLength(38);
  expect(result.errors).toEqual([]);
  expect(result.records).toHaveLength(1);
  const [only] = result.records;
  expect(only?.record).toMatchObject({
    recordId: 'codecarbon:0a578547-1d6b-4e2f-be0c-7ad10f2f7c97',
    region: 'MAR',
    energyKwh: 0.00057442898176,
  });
  expect(only?.record.startedAt.toISOString()).toBe('2021-09-23T15:02:09.796Z');
  expect(only?.record.endedAt.toISOString()).toBe('2021-09-23T15:04:51.000Z');
  // gpu_count is empty, so no accelerator and no GPU utilisation.
  expect(only?.record.accelerator).toBeUndefined();
  expect(only?.record.utilization).toBeUndefined();
  expect(only?.source?.codecarbon).toMatchObject({
    reportedWaterL: 0.1,
    wueApplied: 0,
    pueApplied: 1,
    trackerVersion: '2.1.3',
    region: 'casablanca-settat',
  });
});

test('emissions_invalid_headers.csv (11-column legacy, no run id) is one record flagged RUN_ID_MISSING', () => {
  const result = parseUsageFile(load('emissions_invalid_headers.csv'), { fileName: 'i.csv' });
  expect(result.format).toBe('codecarbon');
  expect(result.errors).toEqual([]);
  expect(result.records).toHaveLength(1);
  expect(result.records[0]?.record.recordId).toBe('codecarbon:line-2');
  expect(result.records[0]?.record.energyKwh).toBe(0.001308618772068);
  expect(result.records[0]?.flags).toContain(INGEST_FLAGS.RUN_ID_MISSING);
  expect(result.records[0]?.source?.codecarbon?.reportedEmissionsKg).toBe(0.0010231017276686953);
  expect(result.records[0]?.source?.codecarbon?.pueApplied).toBeUndefined();
});
