import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildEstimateReport } from '@/lib/cli/build-estimate-report';
import { formatEstimateText } from '@/lib/cli/format-estimate-text';
import { parseUsageFile } from '@/lib/ingest/parse-usage-file';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';

/**
 * Issue #19, done-when: CodeCarbon's own examples_emissions.csv (a MacBook, Apple M1, France, no cloud) estimated
 * the way `footprint estimate` does lands within 2× of CodeCarbon's own total, and every run beyond 10 % says why.
 */
const root = path.resolve(import.meta.dirname, '../..');
const fileName = 'examples_emissions.csv';
const bytes = new Uint8Array(readFileSync(path.join(root, 'e2e/files/codecarbon', fileName)));

/**
 * CodeCarbon's total, summed by hand from the file's `emissions` column (kg). Rows are cumulative per run_id, so
 * each run counts its longest-duration row once; the three rows without run_id (lines 3–5) count each; lines 6–7
 * have no measurement. Latest rows: 409f7ac2 3.4358e-5, line 3 1.2044e-5, line 4 3.877e-6, line 5 6.504e-6,
 * 8a1d9822 1.1527e-6, 16ba0cd6 3.698e-6, eca607d4 2.1819e-5, b9e7def2 6.8296e-5, 67e9ec7b 6.198e-6,
 * dafca29b 2.393e-6, 7710934e 2.557e-6, 95317436 9.458e-6, d22b8d8e 3.675e-6, a1cd2341 1.244e-6,
 * 0363e539 1.264e-6, 339509ec 7.148e-6, 11d36ce9 3.511e-6, 967739d3 3.050e-6, 934a85fd 3.123e-6 → 1.9537e-4 kg.
 */
const CODECARBON_TOTAL_KG = 1.9537e-4;

describe('examples_emissions.csv estimated as the CLI does', () => {
  const parsed = parseUsageFile(bytes, { fileName, timeZone: 'UTC', now: new Date('2026-01-01T00:00:00Z') });
  const report = buildEstimateReport(parsed, loadBundledFactorLibrary(path.join(root, 'reference')));

  test('lands within 2× of CodeCarbon’s own total', () => {
    const ratio = report.totals.locationKgCo2e / CODECARBON_TOTAL_KG;
    expect(ratio).toBeGreaterThanOrEqual(0.5);
    expect(ratio).toBeLessThanOrEqual(2);
    expect(report.codecarbon?.reportedKgCo2e).toBeCloseTo(CODECARBON_TOTAL_KG, 8);
    expect(report.codecarbon?.runs).toBe(19);
  });

  test('a laptop run is not a data centre: PUE 1.0 and no accelerator embodied share', () => {
    for (const r of report.records) {
      expect(r.pue).toBe(1);
      expect(r.embodiedKgCo2e).toBe(0);
      expect(r.assumptions).toContain('PUE_NOT_DATA_CENTRE');
    }
    // IT energy = facility energy = the file's energy_consumed (its pue is 1.0): 0.0080903 kWh by hand.
    expect(report.totals.energyKwh).toBeCloseTo(0.0080903, 6);
  });

  test('every run beyond 10 % is explained, and the text output lists the reasons', () => {
    const differing = report.records.filter((r) => {
      const line = parsed.records.find((p) => p.line === r.line);
      const reported = line?.source?.codecarbon?.reportedEmissionsKg ?? 0;
      return Math.abs(r.locationKgCo2e / reported - 1) > 0.1;
    });
    expect(differing.length).toBeGreaterThan(0);
    expect(report.codecarbon?.differingRuns).toBe(differing.length);
    expect(report.codecarbon?.differences?.map((d) => d.line)).toEqual(differing.map((r) => r.line));
    // Line 2: 3.4358e-5 kg / 4.0479e-4 kWh = 84.9 g/kWh in CodeCarbon, PUE 1.0 on both sides.
    const line2 = report.codecarbon?.differences?.find((d) => d.line === 2);
    expect(line2?.reasons).toHaveLength(1);
    expect(line2?.reasons[0]).toMatch(/^Grid intensity: CodeCarbon used 84\.9 gCO2e\/kWh/);
    const text = formatEstimateText(report, fileName);
    expect(text).toContain(`${differing.length} run(s) differ by more than 10 %`);
    expect(text).toContain('line 2: CodeCarbon');
  });
});
