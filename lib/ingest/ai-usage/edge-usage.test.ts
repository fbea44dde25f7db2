import { describe, expect, test } from 'vitest';
import { distinctModelNames } from '@/lib/emissions/ai-services/resolve-model-names';
import { smallLlmRepository } from '@/lib/emissions/testing/small-llm-repository';
import { scopePlacement } from '@/lib/reports/aggregate-records';
import { usageRecordSchemaAt } from '@/lib/schemas/usage-record';
import type { ParsedRecord, RowError } from '../types';
import { aiUsageRecordOf } from './ai-usage-records';
import { parseAiUsageFile } from './parse-ai-usage-file';

// On-device inference rows of the AI usage template (issue #21 item 6). Expected values by hand from the
// published J/token of lib/emissions/ai-services/estimate-edge-inference.ts (laptop 0.259–0.413 J/token).
const HEADER =
  'provider,model,period_start,period_end,device_class,device_count,device_ownership,device_country,inferences_per_device,energy_per_inference_wh,tokens_per_device,joules_per_token';
const parse = (rows: string) =>
  parseAiUsageFile(new TextEncoder().encode(`${HEADER}\n${rows}`), {
    fileName: 'edge.csv',
    knownInstanceTypes: [],
  });
const context = {
  repository: smallLlmRepository({ models: [], mixes: '', profiles: '', services: '' }),
  zoneOfRegion: () => null,
  validate: (input: Record<string, unknown>) =>
    usageRecordSchemaAt(new Date('2026-03-01T00:00:00Z'), 'UTC').safeParse(input),
};
const toRecord = (rows: string) => {
  const parsed = parse(rows);
  const errors: { line: number; column: string | null }[] = [];
  const sink = {
    error: (line: number, column: string | null) => errors.push({ line, column }),
    warn: () => {},
  };
  const records = parsed.aiRows.map((row) => aiUsageRecordOf(row, context, sink));
  return { parsed, errors, records: records as ParsedRecord[] };
};

describe('on-device inference rows of the AI usage template', () => {
  test('200 laptops × 50,000 tokens at the published 0.259–0.413 J/token, by hand', () => {
    const { parsed, errors, records } = toRecord(
      'edge,llama-3.2-1b,2026-01-01,2026-02-01,laptop,200,company,DE,,,50000,\n',
    );
    expect(parsed.format).toBe('ai-usage-template');
    expect(parsed.errors).toEqual([]);
    expect(errors).toEqual([]);
    const r = records[0] as ParsedRecord;
    // min 200 × 50,000 × 0.259 J = 2,590,000 J = 0.719444 kWh; max × 0.413 = 4,130,000 J = 1.147222 kWh;
    // midpoint 3,360,000 J = 0.933333 kWh; ±(0.413 − 0.336)/0.336 = ±0.229167 around it.
    expect(r.record.energyKwh).toBeCloseTo(0.933333, 6);
    expect(r.record).toMatchObject({
      provider: 'edge',
      phase: 'inference',
      pue: 1,
      wueLPerKwh: 0,
      region: 'DE',
      tokens: 10_000_000,
      model: 'llama-3.2-1b',
    });
    expect(r.ai?.energyRange[0]).toBeCloseTo(0.229167, 6);
    expect(r.ai?.energyRange[1]).toBeCloseTo(0.229167, 6);
    expect(r.ai).toMatchObject({ service: 'edge', embodiedKgCo2e: 0 });
    expect(r.flags).toEqual(['EDGE_DEVICE_BOUNDARY', 'EDGE_THIN_EVIDENCE']);
    expect(r.source?.edge).toEqual({ deviceClass: 'laptop', deviceCount: 200, ownership: 'company' });
    // The device's model is no repository name: the upload review asks nothing about it.
    expect(distinctModelNames(parsed.aiRows)).toEqual([]);
  });

  test('shipped products with a stated energy per inference: no thin-evidence flag, Scope 3 not Scope 2', () => {
    const { errors, records } = toRecord(
      'edge,,2026-01-01,2026-02-01,embedded,10,shipped,France,1000,0.5,,\n',
    );
    expect(errors).toEqual([]);
    const r = records[0] as ParsedRecord;
    // 10 devices × 1,000 inferences × 0.5 Wh = 5,000 Wh = 5 kWh, no range.
    expect(r.record.energyKwh).toBe(5);
    expect(r.record.requests).toBe(10_000);
    expect(r.ai?.energyRange).toEqual([0, 0]);
    expect(r.flags).toEqual(['EDGE_DEVICE_BOUNDARY']);
    expect(r.ai?.service).toBe('edge-sold-products');
    expect(scopePlacement({ provider: 'edge', aiService: 'edge-sold-products' })).toBe('soldProducts');
    expect(scopePlacement({ provider: 'edge', aiService: 'edge' })).toBe('owned');
  });

  test('bad rows: errors by line and column, no row kept', () => {
    const { parsed } = toRecord(
      [
        'edge,,2026-01-01,2026-02-01,phone,5,company,DE,,,1000,', // phone: no published J/token
        'edge,,2026-01-01,2026-02-01,tablet,5,company,DE,,,1000,0.3',
        'edge,,2026-01-01,2026-02-01,laptop,0,customer,,,,1000,',
        'edge,,2026-01-01,2026-02-01,laptop,5,company,DE,,,,', // neither inferences nor tokens
      ].join('\n'),
    );
    expect(parsed.aiRows).toEqual([]);
    const at = (e: RowError) => `${e.line}:${e.column}`;
    expect(parsed.errors.map(at)).toEqual([
      '2:joules_per_token',
      '3:device_class',
      '4:device_ownership',
      '4:device_country',
      '4:device_count',
      '5:inferences_per_device',
    ]);
    expect(parsed.errors[0]?.message).toMatch(/no published energy per token for a phone/);
  });
});
