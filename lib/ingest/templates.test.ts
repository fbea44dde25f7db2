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

test('template v1.1: instance columns are read; a v1 header without them stays valid', () => {
  const v11 = [
    'record_id,phase,started_at,ended_at,provider,region,instance_type,instance_count,instance_hours',
    'eval-p4d,evaluation,2025-03-12T00:00:00Z,2025-03-12T10:00:00Z,aws,us-east-1,p4d.24xlarge,2,',
    'bill-g5,inference,2025-03-01,2025-04-01,AWS,us-east-1,g5.12xlarge,,744',
  ].join('\n');
  const result = parseUsageFile(enc(v11), { fileName: 'instances.csv' });
  expect(result.errors).toEqual([]);
  expect(result.records.map((r) => r.record)).toMatchObject([
    { recordId: 'eval-p4d', instanceType: 'p4d.24xlarge', instanceCount: 2 },
    { recordId: 'bill-g5', provider: 'aws', instanceType: 'g5.12xlarge', instanceHours: 744 },
  ]);
  const v1 =
    'record_id,phase,started_at,ended_at,accelerator,accelerator_count\nr1,training,2025-03-01,2025-03-02,H100,8\n';
  expect(parseUsageFile(enc(v1), { fileName: 'v1.csv' })).toMatchObject({
    errors: [],
    stats: { accepted: 1 },
  });
});

test('an instance row with accelerator_count is a row error on that column', () => {
  const text = [
    'phase,started_at,ended_at,instance_type,accelerator_count',
    'training,2025-03-01,2025-03-02,p4d.24xlarge,8',
  ].join('\n');
  const result = parseUsageFile(enc(text), { fileName: 'both.csv' });
  expect(result.records).toEqual([]);
  expect(result.errors).toMatchObject([
    {
      line: 2,
      column: 'accelerator_count',
      message: expect.stringMatching(/give instance_count or instance_hours/),
    },
  ]);
});
