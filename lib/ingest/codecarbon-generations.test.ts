import { describe, expect, test } from 'vitest';
import { parseUsageFile } from './parse-usage-file';

// One synthetic file per header generation of docs/CSV_FORMAT.md §4 (Generations), read by column name.
const V20 =
  'timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud'.split(
    ',',
  );
const V22 = [...V20.slice(0, 20), 'codecarbon_version', ...V20.slice(20)];
const V23 = [...V22, 'pue'];
const V27 = [...V23.slice(0, 3), 'experiment_id', ...V23.slice(3)];
const V308 = (() => {
  const h = [...V27, 'wue'];
  h.splice(h.indexOf('energy_consumed') + 1, 0, 'water_consumed');
  return h;
})();
const V321 = (() => {
  const h = [...V308];
  h.splice(
    h.indexOf('tracking_mode') + 1,
    0,
    'cpu_utilization_percent',
    'gpu_utilization_percent',
    'ram_utilization_percent',
    'ram_used_gb',
  );
  return h;
})();
const V0 =
  'experiment_id,timestamp,project_name,duration,emissions,energy_consumed,country_name,country_iso_code,region,on_cloud,cloud_provider,cloud_region'.split(
    ',',
  );
const V1 = ['timestamp', 'experiment_id', ...V0.slice(2)];

const BASE: Record<string, string> = {
  timestamp: '2024-06-01T12:00:00',
  project_name: 'proj',
  run_id: 'run-1',
  experiment_id: '5b0fa12a-3dd7-45bb-9766-cc326314d9f1',
  duration: '3600',
  emissions: '0.02',
  energy_consumed: '0.5',
  country_name: 'Germany',
  country_iso_code: 'DEU',
  region: 'bavaria',
  os: 'Linux',
  cpu_model: 'AMD EPYC 7763',
  cpu_count: '64',
  tracking_mode: 'machine',
  on_cloud: 'N',
  pue: '1.0',
};
const line = (header: string[], values: Record<string, string> = {}) =>
  header.map((h) => ({ ...BASE, ...values })[h] ?? '').join(',');
const file = (header: string[], ...rows: string[]) =>
  new TextEncoder().encode([header.join(','), ...rows].join('\n'));
const parse = (bytes: Uint8Array, extra: Partial<Parameters<typeof parseUsageFile>[1]> = {}) =>
  parseUsageFile(bytes, { fileName: 'emissions.csv', ...extra });

describe('header generations', () => {
  test.each([
    ['v2.0 (29)', V20, 29],
    ['v2.2 (30)', V22, 30],
    ['v2.3 (31)', V23, 31],
    ['v2.7 (32)', V27, 32],
    ['v3.0.8 (34)', V308, 34],
    ['v3.2.1 (38)', V321, 38],
  ])('%s is detected and read by name', (_, header, count) => {
    expect(header).toHaveLength(count);
    const result = parse(
      file(
        header,
        line(header, {
          gpu_count: '2',
          gpu_model: '2 x NVIDIA A100-SXM4-80GB',
          gpu_utilization_percent: '75',
        }),
      ),
    );
    expect(result.format).toBe('codecarbon');
    expect(result.errors).toEqual([]);
    expect(result.records[0]?.record).toMatchObject({
      recordId: 'codecarbon:run-1',
      energyKwh: 0.5,
      accelerator: 'NVIDIA A100-SXM4-80GB',
      acceleratorCount: 2,
    });
    // Only v3.2.1+ has gpu_utilization_percent.
    expect(result.records[0]?.record.utilization).toBe(count === 38 ? 0.75 : undefined);
  });

  test("an empty gpu_count takes the count from gpu_model's `N x name` form", () => {
    const result = parse(file(V321, line(V321, { gpu_count: '', gpu_model: '4 x NVIDIA A100-SXM4-40GB' })));
    expect(result.errors).toEqual([]);
    expect(result.records[0]?.record).toMatchObject({
      accelerator: 'NVIDIA A100-SXM4-40GB',
      acceleratorCount: 4,
    });
  });

  test.each([
    ['v0 (experiment_id first)', V0],
    ['v1 (experiment_id second)', V1],
  ])('%s uses experiment_id as the run id and collapses cumulative rows', (_, header) => {
    const rows = [
      line(header, { experiment_id: 'exp-a', duration: '10', energy_consumed: '0.1' }),
      line(header, { experiment_id: 'exp-a', duration: '20', energy_consumed: '0.25' }),
    ];
    // v1 example files start with a UTF-8 BOM.
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...file(header, ...rows)]);
    const result = parse(bytes);
    expect(result.headers[0]).toBe(header[0]);
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({
      line: 3,
      record: { recordId: 'codecarbon:exp-a', energyKwh: 0.25 },
    });
    expect(result.stats.duplicatesCollapsed).toBe(1);
  });

  test('v2.7+ experiment_id (shared default) is not used as run id', () => {
    const result = parse(
      file(V27, line(V27, { run_id: 'a' }), line(V27, { run_id: 'b', timestamp: '2024-06-02T12:00:00' })),
    );
    expect(result.records.map((r) => r.record.recordId)).toEqual(['codecarbon:a', 'codecarbon:b']);
  });
});
