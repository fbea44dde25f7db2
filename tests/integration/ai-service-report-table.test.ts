import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POST as postAiUsage } from '@/app/api/v1/ai-usage/route';
import { GET as exportReportRoute } from '@/app/api/v1/reports/[period]/export/route';
import type { TEsgReport, TReportTable } from '@/lib/reports/report-model';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { getPgPool } from '@/lib/server/db/pg-pool';
import { getPrisma } from '@/lib/server/db/prisma';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { createTestDatabase } from '../support/test-database';
import { createOrgWithEditor } from '../support/upload-fixtures';

// Issue #21 follow-up: the quarterly report's "By AI service" table (section 5) on usage stored through the real
// write path (POST /api/v1/ai-usage), read back through the export route as JSON, CSV and XLSX.

const PERIOD = '2026-Q2';
let token = '';
let orgId = '';

const ROWS = [
  {
    id: 'big',
    provider: 'openai',
    model: 'gpt-4o',
    startedAt: '2026-05-04',
    endedAt: '2026-05-05',
    inputTokens: 500_000,
    outputTokens: 1_000_000,
    requests: 1_000,
  },
  {
    id: 'small',
    provider: 'openai',
    model: 'gpt-4o-mini',
    startedAt: '2026-05-04',
    endedAt: '2026-05-05',
    inputTokens: 100_000,
    outputTokens: 200_000,
    requests: 400,
  },
  // 48 h across 1 July (the organisation's time zone is UTC): half of it falls in Q2.
  {
    id: 'straddle',
    provider: 'anthropic',
    model: 'claude-haiku-4-5-20251001',
    startedAt: '2026-06-30T00:00:00Z',
    endedAt: '2026-07-02T00:00:00Z',
    inputTokens: 40_000,
    outputTokens: 80_000,
    requests: 200,
  },
  // On-device inference in products the organisation sold: Scope 3 Cat 11, never an AI-service row.
  {
    id: 'sold-laptops',
    provider: 'edge',
    model: 'llama-3.2-1b',
    startedAt: '2026-05-01T00:00:00Z',
    endedAt: '2026-06-01T00:00:00Z',
    inputTokens: 0,
    outputTokens: 0,
    edge: {
      deviceClass: 'laptop',
      deviceCount: 10_000,
      ownership: 'shipped',
      country: 'DE',
      tokensPerDevice: 50_000,
    },
  },
];

beforeAll(async () => {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  const editor = await createOrgWithEditor('AiReportTable');
  orgId = editor.orgId;
  token = (await createApiToken(editor, 'ci')).token;
  const response = await postAiUsage(
    new Request('http://localhost/api/v1/ai-usage', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(ROWS),
    }),
  );
  expect(response.status).toBe(201);
});

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPgPool().end();
});

const exportAs = (format: string) =>
  exportReportRoute(
    new Request(`http://localhost/api/v1/reports/${PERIOD}/export?format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ period: PERIOD }) },
  );

/** Stored figures of records by external id (kWh, kg, L), summed; the report must reproduce them. */
async function stored(ids: string[]) {
  const { rows } = await getPgPool().query(
    `SELECT SUM(facility_energy_kwh)::float8 AS energy, SUM(location_kg_co2e)::float8 AS location,
            SUM(market_kg_co2e)::float8 AS market, SUM(water_onsite_l)::float8 AS onsite,
            SUM(water_offsite_l)::float8 AS offsite
       FROM usage_record WHERE org_id = $1 AND external_id = ANY($2)`,
    [orgId, ids],
  );
  return rows[0] as { energy: number; location: number; market: number; onsite: number; offsite: number };
}

const tableOf = (report: TEsgReport, id: string): TReportTable | undefined =>
  report.sections.flatMap((s) => s.tables).find((t) => t.id === id);
const r3 = (n: number) => Math.round(n * 1000) / 1000;

describe('quarterly report "By AI service" table', () => {
  test('JSON: one row per service with the stored figures (time share), total = Table C AI services', async () => {
    const res = await exportAs('json');
    expect(res.status).toBe(200);
    const report = (await res.json()) as TEsgReport;
    const table = tableOf(report, 'by-ai-service');
    expect(table?.rows.map((r) => r.label)).toEqual(
      expect.arrayContaining(['OpenAI API', 'Anthropic API', 'Total']),
    );
    expect(table?.rows).toHaveLength(3);
    const byLabel = new Map(table?.rows.map((r) => [r.label, r]));
    // Tokens and requests by hand: OpenAI 500k + 100k in, 1M + 200k out, 1,000 + 400 requests; Anthropic half of
    // its 48 h record (24 h in Q2): 20k in, 40k out, 100 requests.
    expect(byLabel.get('OpenAI API')).toMatchObject({
      requests: 1400,
      inputTokens: 600_000,
      outputTokens: 1_200_000,
    });
    expect(byLabel.get('Anthropic API')).toMatchObject({
      requests: 100,
      inputTokens: 20_000,
      outputTokens: 40_000,
    });
    expect(byLabel.get('Total')).toMatchObject({
      requests: 1500,
      inputTokens: 620_000,
      outputTokens: 1_240_000,
      shareLocationPct: 100,
    });
    // Energy, CO2e and water: the stored records' values, Anthropic's × 0.5 (its time share in Q2).
    const openai = await stored(['big', 'small']);
    const anthropic = await stored(['straddle']);
    expect(byLabel.get('OpenAI API')).toMatchObject({
      energyKwh: r3(openai.energy),
      locationKg: r3(openai.location),
      marketKg: r3(openai.market),
      waterOnsiteL: r3(openai.onsite),
      waterOffsiteL: r3(openai.offsite),
    });
    expect(byLabel.get('Anthropic API')).toMatchObject({
      energyKwh: r3(anthropic.energy / 2),
      locationKg: r3(anthropic.location / 2),
      marketKg: r3(anthropic.market / 2),
    });
    const totalLb = openai.location + anthropic.location / 2;
    const totalMb = openai.market + anthropic.market / 2;
    // The sold laptops carry emissions of their own (kg), yet neither the table's total nor Table C's AI rows hold them.
    expect((await stored(['sold-laptops'])).location).toBeGreaterThan(0.1);
    expect(byLabel.get('Total')?.locationKg).toBeCloseTo(totalLb, 3);
    expect(byLabel.get('Total')?.marketKg).toBeCloseTo(totalMb, 3);
    expect(byLabel.get('OpenAI API')?.shareLocationPct).toBeCloseTo((openai.location / totalLb) * 100, 1);
    // Table C (t, 3 decimals): the AI-services rows equal the table's total.
    const tableC = new Map(tableOf(report, 'table-c')?.rows.map((r) => [r.label, r.current]));
    const totalRow = byLabel.get('Total');
    expect(tableC.get('Scope 3 Cat 1 AI services (LB basis)')).toBe(r3(Number(totalRow?.locationKg) / 1000));
    expect(tableC.get('Scope 3 Cat 1 AI services (MB basis)')).toBe(r3(Number(totalRow?.marketKg) / 1000));
    expect(tableC.get('Scope 3 Cat 1 AI services (LB basis)')).toBe(r3(totalLb / 1000));
  });

  test('CSV and XLSX carry the same rows as the JSON', async () => {
    const report = (await (await exportAs('json')).json()) as TEsgReport;
    const table = tableOf(report, 'by-ai-service');
    const total = table?.rows.find((r) => r.label === 'Total');
    const csv = (await (await exportAs('csv')).text()).split('\r\n');
    expect(csv).toContain(
      `5 AI workload breakdown (management view),By AI service | Total | Emissions LB,${total?.locationKg},kgCO2e,${PERIOD},location-based`,
    );
    expect(csv).toContain(
      `5 AI workload breakdown (management view),By AI service | Anthropic API | Input tokens,20000,tokens,${PERIOD},`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await exportAs('xlsx')).arrayBuffer()) as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('By AI service')?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const keys = table?.columns.map((c) => c.key) ?? [];
    expect(rows.slice(2, 5)).toEqual(table?.rows.map((r) => keys.map((k) => r[k])));
  });
});
