import { expect, test } from 'vitest';
import { USAGE_RECORD_CSV_COLUMNS } from '@/lib/schemas/usage-record';
import { parseUsageFile } from './parse-usage-file';
import { GENERIC_EXAMPLE_CSV, GENERIC_TEMPLATE_CSV } from './templates';

const enc = (text: string) => new TextEncoder().encode(text);

test('the template is exactly the schema columns, in order', () => {
  expect(GENERIC_TEMPLATE_CSV).toBe(`${Object.keys(USAGE_RECORD_CSV_COLUMNS).join(',')}\n`);
  const result = parseUsageFile(enc(GENERIC_TEMPLATE_CSV), { fileName: 'template.csv' });
  expect(result).toMatchObject({ format: 'generic', records: [], errors: [] });
});

test('the example parses with zero errors and covers the five cases', () => {
  const result = parseUsageFile(enc(GENERIC_EXAMPLE_CSV), { fileName: 'example.csv' });
  expect(result.errors).toEqual([]);
  expect(result.warnings).toEqual([]);
  expect(result.stats).toEqual({ rows: 5, accepted: 5, rejected: 0, duplicatesCollapsed: 0 });
  const [train, tune, serve, onprem, edge] = result.records.map((r) => r.record);
  expect(train).toMatchObject({
    phase: 'training',
    provider: 'aws',
    region: 'us-east-1',
    accelerator: 'NVIDIA A100-SXM4-80GB',
    acceleratorCount: 64,
    acceleratorHours: 10752,
  });
  expect(tune).toMatchObject({
    phase: 'fine_tuning',
    provider: 'gcp',
    region: 'europe-west4',
    accelerator: 'NVIDIA H100 80GB HBM3',
  });
  expect(serve).toMatchObject({
    phase: 'inference',
    provider: 'azure',
    region: 'westeurope',
    requests: 1_200_000,
    tokens: 850_000_000,
  });
  expect(onprem).toMatchObject({
    provider: 'on_prem',
    energyKwh: 1250.5,
    pue: 1.4,
    carbonIntensityGPerKwh: 56,
    notes: 'Metered at the PDU, IT energy only',
  });
  expect(edge).toMatchObject({ provider: 'edge', energyPerRequestWh: 0.35, requests: 500_000 });
});
