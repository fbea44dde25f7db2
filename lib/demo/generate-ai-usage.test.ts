import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { aiUsageRecordOf } from '@/lib/ingest/ai-usage/ai-usage-records';
import type { TAiUsageRow } from '@/lib/ingest/ai-usage/ai-usage-types';
import type { ParsedRecord } from '@/lib/ingest/types';
import { usageRecordSchemaAt } from '@/lib/schemas/usage-record';
import { loadLlmModelRepository } from '@/lib/server/factors/load-llm-model-repository';
import { DEMO_PROJECTS } from './catalog';
import { demoWindow } from './dates';
import { aiUsageRecordId, generateAiUsageRows } from './generate-ai-usage';
import { generateDemoOrganization } from './generate-demo-organization';

const END = new Date('2026-10-01T00:00:00Z');
const DAY_MS = 86_400_000;
const demo = generateDemoOrganization({ endExclusive: END });
const rows = demo.aiUsage;

const repository = loadLlmModelRepository(path.resolve(import.meta.dirname, '../../reference'));

/** Each row through the upload path (`aiUsageRecordOf`), collecting whatever it refuses. */
function uploadPath(list: readonly TAiUsageRow[]) {
  const errors: string[] = [];
  const schema = usageRecordSchemaAt(END);
  const context = {
    repository,
    zoneOfRegion: () => null,
    validate: (value: Record<string, unknown>) => schema.safeParse(value),
  };
  const sink = {
    error: (line: number, column: string | null, message: string) =>
      errors.push(`${line} ${column}: ${message}`),
    warn: () => undefined,
  };
  const records = list.map((row) => aiUsageRecordOf(row, context, sink));
  return { errors, records };
}

const byModel = (model: string) => rows.filter((row) => row.modelRaw === model);
const month = (row: TAiUsageRow) => row.periodStart.slice(0, 7);
const isWeekend = (row: TAiUsageRow) => [0, 6].includes(new Date(row.periodStart).getUTCDay());
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('generateAiUsageRows (demo third-party AI usage)', () => {
  test('is deterministic for a seed and varies with it', () => {
    expect(generateDemoOrganization({ endExclusive: END }).aiUsage).toEqual(rows);
    expect(generateDemoOrganization({ endExclusive: END, seed: 7 }).aiUsage).not.toEqual(rows);
  });

  test('two providers, a frontier and a small model each, as their usage exports name them', () => {
    const models = new Set(rows.map((row) => `${row.provider}/${row.service}/${row.modelRaw}`));
    expect([...models].sort()).toEqual([
      'anthropic/Anthropic API/claude-haiku-4-5-20251001',
      'anthropic/Anthropic API/claude-sonnet-4-5-20250929',
      'openai/OpenAI API/gpt-4o',
      'openai/OpenAI API/gpt-4o-mini',
    ]);
  });

  test('one row per model per UTC day over the last 12 months of the demo window (Oct 2025 – Sep 2026)', () => {
    // 2025-10-01 to 2026-10-01: 365 days (no 29 February in between).
    for (const model of new Set(rows.map((row) => row.modelRaw))) {
      const days = byModel(model).map((row) => Date.parse(row.periodStart));
      expect(days).toHaveLength(365);
      expect(days[0]).toBe(Date.parse('2025-10-01T00:00:00Z'));
      expect(days.at(-1)).toBe(Date.parse('2026-09-30T00:00:00Z'));
      days.forEach((day, i) => {
        if (i > 0) {
          expect(day - (days[i - 1] ?? 0)).toBe(DAY_MS);
        }
      });
    }
    for (const row of rows) {
      expect(Date.parse(row.periodEnd) - Date.parse(row.periodStart)).toBe(DAY_MS);
    }
    expect(new Set(rows.map(month)).size).toBe(12);
  });

  test('a shorter demo keeps only its own window', () => {
    const short = generateAiUsageRows(demoWindow(END, 3), 1);
    expect(short[0]?.periodStart).toBe('2026-07-01T00:00:00.000Z');
    expect(short.every((row) => row.periodStart >= '2026-07-01')).toBe(true);
  });

  test('weekday requests grow every month, about 8 % a month (1.08^11 ≈ 2.33 from the first month to the last)', () => {
    for (const model of new Set(rows.map((row) => row.modelRaw))) {
      const weekdays = byModel(model).filter((row) => !isWeekend(row));
      const months = [...new Set(weekdays.map(month))];
      const means = months.map((m) =>
        mean(weekdays.filter((row) => month(row) === m).map((r) => r.requests ?? 0)),
      );
      means.forEach((value, i) => {
        if (i > 0) {
          expect(value).toBeGreaterThan(means[i - 1] ?? 0);
        }
      });
      const ratio = (means.at(-1) ?? 0) / (means[0] ?? 1);
      expect(ratio).toBeGreaterThan(2.15);
      expect(ratio).toBeLessThan(2.5);
      const weekend = mean(
        byModel(model)
          .filter(isWeekend)
          .map((r) => r.requests ?? 0),
      );
      expect(weekend).toBeLessThan(mean(weekdays.map((r) => r.requests ?? 0)));
    }
  });

  test('tokens per request stay near each workload’s mean (e.g. LLM-as-judge: 2,000 in, 300 out)', () => {
    const judge = byModel('gpt-4o');
    for (const row of judge) {
      const requests = row.requests ?? 0;
      expect(row.inputTokens / requests).toBeGreaterThan(1_900);
      expect(row.inputTokens / requests).toBeLessThan(2_100);
      expect(row.outputTokens / requests).toBeGreaterThan(285);
      expect(row.outputTokens / requests).toBeLessThan(315);
    }
  });

  test('every row is tagged to a demo team and one of its projects, and passes the upload path unchanged', () => {
    const teamOf = new Map(DEMO_PROJECTS.map((project) => [project.slug, project.teamSlug]));
    for (const row of rows) {
      expect(teamOf.get(row.project ?? '')).toBe(row.team);
    }
    const { errors, records } = uploadPath(rows);
    expect(errors).toEqual([]);
    const first = records[0] as ParsedRecord;
    expect(first.record).toMatchObject({
      phase: 'inference',
      team: 'platform',
      project: 'eval-harness',
      model: 'gpt-4o',
      region: 'USA',
    });
    expect(first.ai?.service).toBe('openai');
    expect(new Set(rows.map(aiUsageRecordId)).size).toBe(rows.length);
    expect(aiUsageRecordId(rows[0] as TAiUsageRow)).toBe('ai-gpt-4o-2025-10-01');
  });

  // Hand-derived from the EcoLogits 0.9.1 method (the shared AI-services methodology notes; constants in
  // reference/ecologits/constants.csv), B = 64, with no latency so every term is linear in output tokens:
  //   f_E(P) = 1.16653e-6·e^(−0.0112059·64)·P + 4.05293e-5 Wh per token per GPU; f_L(P) = 6.78509e-4·P + 3.11931e-4·64
  //   + 0.0194737 s per token; GPUs = 2^ceil(log2(ceil(1.2·P_total·2 GB / 80 GB))); server share per token =
  //   f_L/3600 h × 1.2 kW × GPUs/8 / 64; embodied per token = f_L / (94,608,000 s × 64) × (GPUs/8 × 5,700 + GPUs × 164) kg.
  // gpt-4o and Claude Sonnet 4.5 (repository: 44–132 B active, 440 B total → 1,056 GB → 16 GPUs):
  //   low run  f_E = 6.55835e-5 Wh, f_L = 0.0692917 s → IT 16 × 6.55835e-8 + 7.21788e-7 = 1.771124e-6 kWh/token
  //   high run f_E = 1.156919e-4 Wh, f_L = 0.1290005 s → IT 16 × 1.156919e-7 + 1.343755e-6 = 3.194825e-6 kWh/token
  //   embodied: low 1.604890e-7, high 2.987826e-7 kg/token → midpoint 2.296358e-7 kg/token.
  // gpt-4o-mini (8–28 B, dense → 19.2 / 67.2 GB → 1 GPU): IT low 7.429382e-8, high 9.451685e-8 kWh/token.
  // Claude Haiku 4.5 (10–35 B dense → 24 GB → 1 GPU; 84 GB → 2 GPUs): IT low 7.631612e-8, high 2.031898e-7 kWh/token.
  // The stored IT energy is the facility-energy midpoint ÷ the midpoint PUE: OpenAI PUE 1.20 (both runs), so
  // (1.771124e-6 + 3.194825e-6) / 2 = 2.482975e-6; Anthropic PUE 1.09–1.14, so (1.09·low + 1.14·high) / 2 / 1.115.
  const IT_KWH_PER_OUTPUT_TOKEN: Record<string, number> = {
    'gpt-4o': (1.771124e-6 + 3.194825e-6) / 2,
    'gpt-4o-mini': (7.429382e-8 + 9.451685e-8) / 2,
    'claude-sonnet-4-5-20250929': (1.09 * 1.771124e-6 + 1.14 * 3.194825e-6) / 2 / 1.115,
    'claude-haiku-4-5-20251001': (1.09 * 7.631612e-8 + 1.14 * 2.031898e-7) / 2 / 1.115,
  };

  test('each row’s energy is its output tokens × the hand-derived EcoLogits figure per token (input tokens not counted)', () => {
    const { records } = uploadPath(rows);
    records.forEach((parsed, i) => {
      const row = rows[i] as TAiUsageRow;
      const perToken = IT_KWH_PER_OUTPUT_TOKEN[row.modelRaw] as number;
      expect(Math.abs((parsed?.record.energyKwh ?? 0) / (row.outputTokens * perToken) - 1)).toBeLessThan(
        1e-5,
      );
      expect(parsed?.record.tokens).toBe(row.inputTokens + row.outputTokens);
    });
    // Worked day: the first gpt-4o row (Wed 1 Oct 2025).
    const day = rows[0] as TAiUsageRow;
    const parsed = records[0] as ParsedRecord;
    expect(parsed.record.energyKwh).toBeCloseTo(day.outputTokens * 2.4829745e-6, 4);
    expect(parsed.record.pue).toBe(1.2);
    expect(parsed.ai?.embodiedKgCo2e).toBeCloseTo(day.outputTokens * 2.296358e-7, 4);
  });
});
