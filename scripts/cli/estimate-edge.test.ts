import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

/**
 * `footprint estimate` on on-device inference rows of the AI usage template (issue #21 item 6). By hand:
 * 200 laptops × 50,000 tokens × (0.259 + 0.413)/2 J = 3,360,000 J = 0.933333 kWh; 10 embedded devices ×
 * 1,000 inferences × 0.5 Wh = 5 kWh; PUE 1; Germany June 2024, Ember monthly 330.966 g CO2e/kWh
 * (reference/grid/country_monthly_ember.csv): 0.3089016 + 1.65483 = 1.9637316 kg CO2e.
 */
const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

async function footprint(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(
      'npx',
      ['tsx', '--conditions=react-server', 'scripts/footprint.ts', ...args],
      {
        cwd: root,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('footprint estimate: on-device inference', { timeout: 60_000 }, () => {
  test('company laptops and shipped embedded devices: device energy, PUE 1, grid of the country, flags', async () => {
    const { code, stdout } = await footprint('estimate', 'scripts/cli/fixtures/ai-edge-rows.csv', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.errors).toEqual([]);
    expect(report.rows).toEqual([]);
    expect(report.edge.totals.energyKwh).toBeCloseTo(5.933333, 6);
    expect(report.edge.totals.locationKgCo2e).toBeCloseTo(1.9637316, 6);
    expect(report.edge.totals.waterOnsiteL).toBe(0);
    expect(report.edge.records.map((r: { pue: number }) => r.pue)).toEqual([1, 1]);
    expect(report.edge.records[0].intensityGCo2ePerKwh).toBeCloseTo(330.966, 6);
    expect(report.edge.records[0].assumptions).toEqual(
      expect.arrayContaining(['EDGE_DEVICE_BOUNDARY', 'EDGE_THIN_EVIDENCE']),
    );
    expect(report.edge.records[1].assumptions).not.toContain('EDGE_THIN_EVIDENCE');
    expect(Object.keys(report.flags).sort()).toEqual(['EDGE_DEVICE_BOUNDARY', 'EDGE_THIN_EVIDENCE']);
  });

  test('a phone without a stated J/token: exit 1 with the line and column', async () => {
    const file = path.join(tmpdir(), `edge-phone-${process.pid}.csv`);
    writeFileSync(
      file,
      'provider,model,period_start,period_end,device_class,device_count,device_ownership,device_country,tokens_per_device\nedge,,2024-06-01,2024-07-01,phone,20,company,DE,50000\n',
    );
    const { code, stdout } = await footprint('estimate', file);
    expect(code).toBe(1);
    expect(stdout).toMatch(/:2 \[joules_per_token\]: no published energy per token for a phone/);
  });
});
