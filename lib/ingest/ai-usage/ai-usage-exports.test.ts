import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseUsageFile } from '../parse-usage-file';
import type { TAiUsageParseOptions, TAiUsageRow } from './ai-usage-types';
import { parseAiUsageFile } from './parse-ai-usage-file';
import { isAiUsageFile } from './sniff-ai-usage-file';

// Expected values are read by hand from the synthetic example files (tests/fixtures/usage-exports, copied from the
// reference exports), not from the parser's output: each comment shows the arithmetic.
const dir = path.resolve(import.meta.dirname, '../../../tests/fixtures/usage-exports');
const INSTANCE_TYPES = ['p5.48xlarge', 'a3-highgpu-8g', 'Standard_ND96isr_H100_v5', 'Standard_NC6'];
const options = (fileName: string, extra: Partial<TAiUsageParseOptions> = {}): TAiUsageParseOptions => ({
  fileName,
  knownInstanceTypes: INSTANCE_TYPES,
  ...extra,
});
const parseFile = (name: string, extra: Partial<TAiUsageParseOptions> = {}) =>
  parseAiUsageFile(readFileSync(path.join(dir, name)), options(name, extra));
const parseText = (text: string, extra: Partial<TAiUsageParseOptions> = {}) =>
  parseAiUsageFile(new TextEncoder().encode(text), options('test.csv', extra));
const sum = (rows: TAiUsageRow[], pick: (r: TAiUsageRow) => number | null) =>
  rows.reduce((s, r) => s + (pick(r) ?? 0), 0);

describe('AI-service usage exports: totals by hand', () => {
  test('OpenAI Usage API JSON: 3 results in 2 daily buckets', () => {
    const r = parseFile('openai_usage_completions.synthetic.json');
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('openai-usage-json');
    expect(r.aiRows).toHaveLength(3);
    expect(sum(r.aiRows, (x) => x.inputTokens)).toBe(1_250_000 + 84_000 + 990_000);
    expect(sum(r.aiRows, (x) => x.outputTokens)).toBe(310_000 + 52_000 + 270_500);
    expect(sum(r.aiRows, (x) => x.requests)).toBe(1820 + 95 + 1544);
    expect(sum(r.aiRows, (x) => x.cachedInputTokens)).toBe(400_000 + 350_000);
    // Lines of the result objects' opening braces; start_time 1767225600 = 2026-01-01T00:00:00Z.
    expect(r.aiRows.map((x) => x.line)).toEqual([9, 24, 46]);
    expect(r.aiRows[0]).toMatchObject({
      provider: 'openai',
      modelRaw: 'gpt-4o-mini-2024-07-18',
      project: 'proj_SYNTHETIC_support',
      periodStart: '2026-01-01T00:00:00.000Z',
      periodEnd: '2026-01-02T00:00:00.000Z',
      quantityBasis: 'metered',
    });
  });

  test('OpenAI dashboard CSV: 2 rows, the empty bucket row skipped', () => {
    const r = parseFile('openai_dashboard_usage_export.synthetic.csv');
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('openai-usage-csv');
    expect(r.aiRows.map((x) => x.line)).toEqual([2, 3]);
    expect(r.stats.skipped).toBe(1);
    expect(sum(r.aiRows, (x) => x.inputTokens)).toBe(1_334_000);
    expect(sum(r.aiRows, (x) => x.outputTokens)).toBe(362_000);
    expect(sum(r.aiRows, (x) => x.requests)).toBe(1915);
    expect(r.aiRows[1]?.tags).toEqual({
      user_id: 'user-SYNTHETIC02',
      api_key_id: 'key_SYNTHETIC02',
      batch: 'FALSE',
      service_tier: 'default',
    });
  });

  test('Anthropic messages usage report: input = uncached + cache writes + cache reads, no requests', () => {
    const r = parseFile('anthropic_usage_report_messages.synthetic.json');
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('anthropic-usage-json');
    // 420,000 + 60,000 + 0 + 900,000 and 80,000.
    expect(r.aiRows.map((x) => x.inputTokens)).toEqual([1_380_000, 80_000]);
    expect(r.aiRows.map((x) => x.outputTokens)).toEqual([150_000, 30_000]);
    expect(r.aiRows.every((x) => x.requests === null)).toBe(true);
    expect(r.aiRows[0]?.tags).toMatchObject({
      workspace_id: 'wrkspc_SYNTHETIC_legal',
      service_tier: 'standard',
    });
  });

  test('Bedrock CloudWatch: the four metric rows of one day fold into one usage row', () => {
    const r = parseFile('aws_bedrock_cloudwatch_metrics.synthetic.csv');
    expect(r.errors).toEqual([]);
    expect(r.aiRows).toHaveLength(1);
    expect(r.aiRows[0]).toMatchObject({
      line: 2,
      provider: 'aws-bedrock',
      modelLookup: { kind: 'name', provider: 'anthropic', name: 'claude-3-5-sonnet-20240620' },
      requests: 2400,
      inputTokens: 3_600_000,
      outputTokens: 720_000,
      meanLatencyS: 5.4, // 5,400 ms average
      periodEnd: '2026-01-02T00:00:00.000Z', // 86,400 s after the timestamp
    });
  });

  test('Bedrock invocation log: one request with its inference region', () => {
    const r = parseFile('aws_bedrock_invocation_log_record.synthetic.json');
    expect(r.errors).toEqual([]);
    expect(r.aiRows[0]).toMatchObject({
      inputTokens: 1500,
      outputTokens: 300,
      requests: 1,
      region: 'us-east-1',
    });
  });

  test('Bedrock invocation logs as JSON Lines: one request per line, lines kept', () => {
    const record = readFileSync(path.join(dir, 'aws_bedrock_invocation_log_record.synthetic.json'), 'utf8');
    const one = JSON.stringify(JSON.parse(record));
    const r = parseText(`${one}\n${one.replace('"inputTokenCount":1500', '"inputTokenCount":-1')}\n${one}\n`);
    expect(r.format).toBe('bedrock-invocation-log');
    expect(r.aiRows.map((x) => x.line)).toEqual([1, 3]);
    expect(r.errors).toEqual([expect.objectContaining({ line: 2, column: 'input.inputTokenCount' })]);
  });

  test('AWS CUR 2.0: Bedrock input tokens priced per 1K, and one p5.48xlarge hour', () => {
    const r = parseFile('aws_cur2_bedrock_and_gpu.synthetic.csv');
    expect(r.errors).toEqual([]);
    expect(r.aiRows[0]).toMatchObject({
      line: 2,
      inputTokens: 3600 * 1000,
      outputTokens: 0,
      quantityBasis: 'priced',
      region: 'us-east-1',
    });
    expect(r.gpuRecords).toHaveLength(1);
    expect(r.gpuRecords[0]).toMatchObject({
      line: 3,
      record: {
        provider: 'aws',
        instanceType: 'p5.48xlarge',
        instanceHours: 1,
        region: 'us-east-1',
        phase: 'other',
      },
    });
  });

  test('Azure Monitor metrics: prompt, generated and requests of one deployment; TokenTransaction = 1,250,000 + 310,000', () => {
    const r = parseFile('azure_monitor_openai_metrics.synthetic.csv');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.aiRows).toHaveLength(1);
    expect(r.aiRows[0]).toMatchObject({
      provider: 'azure-openai',
      modelRaw: 'gpt-4o-mini',
      inputTokens: 1_250_000,
      outputTokens: 310_000,
      requests: 1820,
      tags: { deployment: 'chat-prod', resource: 'aoai-synthetic' },
    });
  });

  test('Azure FOCUS cost export: 1,250 × 1K input tokens in Sweden Central, and 24 h of an ND96isr H100 v5', () => {
    const r = parseFile('azure_cost_export_focus.synthetic.csv');
    expect(r.errors).toEqual([]);
    expect(r.aiRows[0]).toMatchObject({
      provider: 'azure-openai',
      inputTokens: 1_250_000,
      region: 'swedencentral',
    });
    expect(r.gpuRecords[0]?.record).toMatchObject({
      provider: 'azure',
      instanceType: 'Standard_ND96isr_H100_v5',
      instanceHours: 24,
      region: 'eastus',
    });
  });

  test('GCP billing export: 310,000 Gemini output tokens; 28,800 GPU-seconds on an 8-GPU a3-highgpu-8g = 1 instance-hour', () => {
    const r = parseFile('gcp_billing_export_vertex.synthetic.csv');
    expect(r.errors).toEqual([]);
    expect(r.aiRows[0]).toMatchObject({
      provider: 'google-vertex',
      outputTokens: 310_000,
      team: 'support',
      region: 'europe-west4',
    });
    // 28,800 s / 3,600 = 8 GPU-hours; / 8 GPUs per machine = 1.
    expect(r.gpuRecords[0]?.record).toMatchObject({
      provider: 'gcp',
      instanceType: 'a3-highgpu-8g',
      instanceHours: 1,
    });
  });

  test('FOCUS 1.2: 310,000 output tokens named in the description; 8 × H100 for one hour', () => {
    const r = parseFile('focus_1.2_ai_tokens_and_gpu_hours.synthetic.csv');
    expect(r.errors).toEqual([]);
    expect(r.aiRows[0]).toMatchObject({
      provider: null,
      modelLookup: { kind: 'description' },
      outputTokens: 310_000,
      team: 'support',
      tags: { subAccount: 'Support bot' },
    });
    expect(r.gpuRecords[0]?.record).toMatchObject({
      accelerator: 'H100',
      acceleratorCount: 8,
      acceleratorHours: 8,
      team: 'research',
    });
  });
});

describe('AI-service usage exports: bad input is a clear error by line, nothing kept', () => {
  test('cost reports are refused (money, no tokens)', () => {
    for (const name of ['openai_costs.synthetic.json', 'anthropic_cost_report.synthetic.json']) {
      const r = parseFile(name);
      expect(r.aiRows).toEqual([]);
      expect(r.errors[0]?.message).toMatch(/cost.* report \(money, no tokens\)/);
    }
  });

  test('negative tokens: the line and the column', () => {
    const text = readFileSync(path.join(dir, 'openai_dashboard_usage_export.synthetic.csv'), 'utf8').replace(
      ',1250000,310000,',
      ',1250000,-310000,',
    );
    const r = parseText(text);
    expect(r.errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'output_tokens',
        message: expect.stringMatching(/negative/),
      }),
    ]);
    expect(r.aiRows.map((x) => x.line)).toEqual([3]);
  });

  test('a file of another export type given with a forced format', () => {
    const r = parseFile('focus_1.2_ai_tokens_and_gpu_hours.synthetic.csv', { format: 'openai-usage-csv' });
    expect(r.errors[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/is a FinOps FOCUS .* file, not a OpenAI/),
    });
    expect(r.aiRows).toEqual([]);
    const json = parseFile('anthropic_usage_report_messages.synthetic.json', { format: 'openai-usage-json' });
    expect(json.errors[0]?.message).toMatch(
      /is a Anthropic usage report \(messages\) file, not a OpenAI Usage API/,
    );
  });

  test('a compute CSV is not an AI-service export', () => {
    const r = parseText(
      'record_id,phase,started_at,ended_at,energy_kwh\nr1,training,2026-01-01,2026-01-02,3\n',
    );
    expect(r.errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/^unrecognised header/) });
  });

  test('FOCUS with an unknown column: the header line names it', () => {
    const text = readFileSync(
      path.join(dir, 'focus_1.2_ai_tokens_and_gpu_hours.synthetic.csv'),
      'utf8',
    ).replace(/,Tags\r?\n/, ',Labels\n');
    const r = parseText(text);
    expect(r.errors).toEqual([
      expect.objectContaining({
        line: 1,
        column: 'Labels',
        message: expect.stringMatching(/not FOCUS 1\.0–1\.2 columns/),
      }),
    ]);
    expect(r.aiRows).toEqual([]);
    expect(r.gpuRecords).toEqual([]);
  });

  test('invalid JSON: the line of the syntax error', () => {
    const r = parseText('{\n  "object": "page",\n  "data": [\n    {,\n  ]\n}\n');
    expect(r.errors[0]).toMatchObject({ line: 4, message: expect.stringMatching(/^invalid JSON/) });
  });

  test('a billing row that names neither input nor output tokens', () => {
    const text = readFileSync(path.join(dir, 'gcp_billing_export_vertex.synthetic.csv'), 'utf8').replace(
      'SYNTHETIC Gemini 2.5 Flash output text tokens',
      'SYNTHETIC Gemini 2.5 Flash text tokens',
    );
    const r = parseText(text);
    expect(r.errors[0]).toMatchObject({
      line: 2,
      column: 'sku.description',
      message: expect.stringMatching(/input from output/),
    });
  });
});

describe('AI usage template', () => {
  const HEADER = 'provider,model,period_start,period_end,input_tokens,output_tokens,requests,team';
  test('reads a row with its team and rejects a bad PUE by column', () => {
    const r = parseText(
      `${HEADER},pue\nopenai,gpt-4o-mini,2026-01-01,2026-01-02,1000,500,2,support,\nopenai,gpt-4o-mini,2026-01-01,2026-01-02,1000,500,2,support,0.9\n`,
    );
    expect(r.format).toBe('ai-usage-template');
    expect(r.aiRows).toHaveLength(1);
    expect(r.aiRows[0]).toMatchObject({
      provider: 'openai',
      outputTokens: 500,
      requests: 2,
      team: 'support',
    });
    expect(r.errors).toEqual([expect.objectContaining({ line: 3, column: 'pue' })]);
  });

  test('a period that ends before it starts', () => {
    const r = parseText(`${HEADER}\nopenai,gpt-4o-mini,2026-01-02,2026-01-01,1000,500,2,\n`);
    expect(r.errors).toEqual([expect.objectContaining({ line: 2, column: 'period_end' })]);
  });
});

describe('isAiUsageFile (which parser the CLI uses)', () => {
  test('JSON and AI-export headers yes; compute templates no', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(isAiUsageFile(bytes('\uFEFF  {"object":"page"}'))).toBe(true);
    expect(isAiUsageFile(readFileSync(path.join(dir, 'aws_cur2_bedrock_and_gpu.synthetic.csv')))).toBe(true);
    expect(isAiUsageFile(bytes('record_id,phase,started_at,ended_at,energy_kwh\n'))).toBe(false);
    expect(isAiUsageFile(bytes('timestamp,project_name,duration,emissions,energy_consumed\n'))).toBe(false);
  });
});

describe('the compute upload parser', () => {
  test('recognises an AI-service export and refuses it clearly, storing nothing', () => {
    const name = 'openai_dashboard_usage_export.synthetic.csv';
    const result = parseUsageFile(readFileSync(path.join(dir, name)), { fileName: name });
    expect(result.records).toEqual([]);
    expect(result.needsMapping).toBeUndefined();
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 1,
        message: expect.stringMatching(/AI-service usage export .* not import/),
      }),
    ]);
  });
});
