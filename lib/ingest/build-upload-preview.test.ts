import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { buildUploadPreview } from './build-upload-preview';
import { GENERIC_EXAMPLE_CSV } from './templates';

const utf8 = (text: string) => new TextEncoder().encode(text);

test('preview of the generic example: format, header, first rows and record count', () => {
  const preview = buildUploadPreview(utf8(GENERIC_EXAMPLE_CSV), false, { fileName: 'example.csv' });
  expect(preview).toMatchObject({ format: 'generic', needsMapping: false, records: 5, errors: [] });
  expect(preview.rows).toHaveLength(5);
  expect(preview.rows[0]?.[0]).toBe('llm7b-pretrain-2025w10');
});

test('a truncated head drops its partial last line instead of reporting it as an error', () => {
  const cut = GENERIC_EXAMPLE_CSV.slice(0, GENERIC_EXAMPLE_CSV.indexOf('\n', 400) + 20);
  const preview = buildUploadPreview(utf8(cut), true, { fileName: 'example.csv' });
  expect(preview.errors).toEqual([]);
  expect(preview.records).toBeGreaterThan(0);
});

test('unknown header asks for a mapping; with a mapping the rows parse', () => {
  const csv = 'job,kind,begin,finish\nj1,training,2025-01-01,2025-01-02\n';
  expect(buildUploadPreview(utf8(csv), false, { fileName: 'x.csv' }).needsMapping).toBe(true);
  const mapped = buildUploadPreview(utf8(csv), false, {
    fileName: 'x.csv',
    mapping: {
      job: { field: 'recordId' },
      kind: { field: 'phase' },
      begin: { field: 'startedAt' },
      finish: { field: 'endedAt' },
    },
  });
  expect(mapped).toMatchObject({ format: 'generic', records: 1, errors: [] });
});

test('the preview lists each distinct accelerator, instance type and (provider, region) with row counts', () => {
  const csv = [
    'record_id,phase,started_at,ended_at,provider,region,accelerator,accelerator_count,energy_kwh,instance_type',
    'a,training,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z,aws,us-east-1,Lab Card,1,,',
    'b,training,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z,aws,us-east-1,Lab Card,1,5,',
    'c,training,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z,,FRA,H100 SXM,1,,',
    'd,inference,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z,aws,us-east-1,,,,p4d.24xlarge',
  ].join('\n');
  const preview = buildUploadPreview(utf8(`${csv}\n`), false, { fileName: 'n.csv' });
  expect(preview.names).toEqual({
    // Row b has measured energy: it does not need the catalog power of its accelerator.
    accelerators: [
      { name: 'Lab Card', rows: 2, rowsNeedingCatalog: 1 },
      { name: 'H100 SXM', rows: 1, rowsNeedingCatalog: 1 },
    ],
    instanceTypes: [{ provider: 'aws', name: 'p4d.24xlarge', rows: 1 }],
    regions: [
      { provider: 'aws', region: 'us-east-1', rows: 3 },
      { region: 'FRA', rows: 1 },
    ],
  });
});

test('an AI usage export lists its model names, and a billing export its GPU rows’ names (issue #21)', () => {
  const openai = [
    'start_time,end_time,project_id,num_model_requests,model,input_tokens,output_tokens',
    '1767225600,1767312000,p,10,gpt-4o-mini,100,5',
    '1767225600,1767312000,p,10,our-support-bot,100,50',
    '1767312000,1767398400,p,10,our-support-bot,100,50',
  ].join('\n');
  expect(buildUploadPreview(utf8(`${openai}\n`), false, { fileName: 'o.csv' }).names.models).toEqual([
    { service: 'openai', name: 'gpt-4o-mini', rows: 1 },
    { service: 'openai', name: 'our-support-bot', rows: 2 },
  ]);
  // The FOCUS example's GPU line: an "8x H100" instance hour in us-east-1 of a provider we do not recognise
  // (kept unqualified, AS11); recognised as a GPU row only with the catalog's instance types.
  const focus = readFileSync(
    path.join('tests/fixtures/usage-exports/focus_1.2_ai_tokens_and_gpu_hours.synthetic.csv'),
  );
  const names = buildUploadPreview(focus, false, { fileName: 'f.csv' }, ['p5.48xlarge']).names;
  expect(names.regions).toEqual([{ region: 'us-east-1', rows: 1 }]);
});
