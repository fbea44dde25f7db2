import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { emptyTotals } from './aggregate-records';
import { AI_SERVICE_TABLE_ID, buildAiServiceTable, type TAiServiceUsage } from './build-ai-service-table';
import { buildQuarterlyEsgReport } from './build-quarterly-esg-report';
import type { TEsgReport, TReportTable } from './report-model';
import { diffReportFigures, withSignOff, withSnapshotInfo } from './report-snapshot';
import { FIXTURE_ROWS, fixtureAggregates, row } from './testing/report-fixture';
import { toReportCsv, toReportJson } from './to-report-csv';
import { toReportXlsx } from './to-report-xlsx';

// Two services in 2026-Q3, figures chosen by hand (kg, kWh, L). Sums: LB 1.2 + 0.45 = 1.65 kg, MB 0.9 + 0.55 =
// 1.45 kg, energy 3 + 0.1236 = 3.1236 kWh, water 1.5 + 0.25 = 1.75 L on-site and 2.25 + 0.75 = 3 L off-site.
const OPENAI: TAiServiceUsage = {
  service: 'openai',
  label: 'OpenAI API',
  requests: 1000,
  inputTokens: 500_000,
  outputTokens: 1_000_000,
  facilityEnergyKwh: 3,
  locationKgCo2e: 1.2,
  marketKgCo2e: 0.9,
  waterOnsiteL: 1.5,
  waterOffsiteL: 2.25,
};
const ANTHROPIC: TAiServiceUsage = {
  service: 'anthropic',
  label: 'Anthropic API',
  requests: 250,
  inputTokens: 200_000,
  outputTokens: 100_000,
  facilityEnergyKwh: 0.1236,
  locationKgCo2e: 0.45,
  marketKgCo2e: 0.55,
  waterOnsiteL: 0.25,
  waterOffsiteL: 0.75,
};

// The same usage as stored records inside Q3 (provider "other": Scope 3 Cat 1), plus a record on owned hardware
// that names a service: Scope 2, so neither in Table C's AI-services rows nor in the table.
const AI_ROWS = [
  ...FIXTURE_ROWS,
  ...[OPENAI, ANTHROPIC].map((u) =>
    row({
      id: `ai-${u.service}`,
      startedAt: new Date('2026-08-01T00:00:00Z'),
      endedAt: new Date('2026-08-02T00:00:00Z'),
      provider: 'other',
      aiService: u.service,
      model: `${u.service}-model`,
      facilityEnergyKwh: u.facilityEnergyKwh,
      locationKgCo2e: u.locationKgCo2e,
      marketKgCo2e: u.marketKgCo2e,
      waterOnsiteL: u.waterOnsiteL,
      waterOffsiteL: u.waterOffsiteL,
      requests: u.requests,
      tokens: u.inputTokens + u.outputTokens,
    }),
  ),
  row({
    id: 'owned-named',
    startedAt: new Date('2026-08-01T00:00:00Z'),
    endedAt: new Date('2026-08-02T00:00:00Z'),
    provider: 'on_prem',
    aiService: 'openai',
    locationKgCo2e: 5,
    marketKgCo2e: 5,
  }),
];

const generatedAt = new Date('2026-11-29T12:00:00Z');
const tableOf = (report: TEsgReport, id: string): TReportTable | undefined =>
  report.sections.flatMap((s) => s.tables).find((t) => t.id === id);

describe('"By AI service" table (section 5)', () => {
  test('a row per service, largest LB first, shares of the AI-services total, a total row', () => {
    const total = {
      ...emptyTotals(),
      requests: 1250,
      facilityEnergyKwh: 3.1236,
      locationKgCo2e: 1.65,
      marketKgCo2e: 1.45,
      waterOnsiteL: 1.75,
      waterOffsiteL: 3,
    };
    const table = buildAiServiceTable([ANTHROPIC, OPENAI], total);
    // Shares of the location-based total: 1.2 / 1.65 = 72.73 %, 0.45 / 1.65 = 27.27 %.
    // Energy 0.1236 kWh → 0.124 and 3.1236 → 3.124 (3 decimals, half away from zero).
    expect(table.rows).toEqual([
      {
        label: 'OpenAI API',
        requests: 1000,
        inputTokens: 500_000,
        outputTokens: 1_000_000,
        energyKwh: 3,
        locationKg: 1.2,
        marketKg: 0.9,
        waterOnsiteL: 1.5,
        waterOffsiteL: 2.25,
        shareLocationPct: 72.7,
      },
      {
        label: 'Anthropic API',
        requests: 250,
        inputTokens: 200_000,
        outputTokens: 100_000,
        energyKwh: 0.124,
        locationKg: 0.45,
        marketKg: 0.55,
        waterOnsiteL: 0.25,
        waterOffsiteL: 0.75,
        shareLocationPct: 27.3,
      },
      {
        label: 'Total',
        requests: 1250,
        inputTokens: 700_000,
        outputTokens: 1_100_000,
        energyKwh: 3.124,
        locationKg: 1.65,
        marketKg: 1.45,
        waterOnsiteL: 1.75,
        waterOffsiteL: 3,
        shareLocationPct: 100,
      },
    ]);
    expect(table.columns.map((c) => c.unit ?? null)).toEqual([
      null,
      'requests',
      'tokens',
      'tokens',
      'kWh',
      'kgCO2e',
      'kgCO2e',
      'L',
      'L',
      '%',
    ]);
  });

  test("in the report, its total equals Table C's Cat 1 AI-services rows (t there, kg here)", () => {
    const report = buildQuarterlyEsgReport(
      { ...fixtureAggregates('2026-Q3', AI_ROWS), aiServiceUsage: [OPENAI, ANTHROPIC] },
      { generatedAt },
    );
    const workload = report.sections.find((s) => s.id === 'workload');
    const ids = workload?.tables.map((t) => t.id) ?? [];
    expect(ids.indexOf(AI_SERVICE_TABLE_ID)).toBe(ids.indexOf('by-region') + 1);
    const total = tableOf(report, AI_SERVICE_TABLE_ID)?.rows.at(-1);
    expect(total).toMatchObject({ label: 'Total', locationKg: 1.65, marketKg: 1.45, requests: 1250 });
    const tableC = new Map(tableOf(report, 'table-c')?.rows.map((r) => [r.label, r.current]));
    // 1.65 kg = 0.00165 t → 0.002 t; 1.45 kg = 0.00145 t → 0.001 t (3 decimals); the owned 5 kg stays in Scope 2.
    expect(tableC.get('Scope 3 Cat 1 AI services (LB basis)')).toBe(0.002);
    expect(tableC.get('Scope 3 Cat 1 AI services (MB basis)')).toBe(0.001);
    expect(Math.round(Number(total?.locationKg))).toBe(Math.round(0.002 * 1000));
    expect(Math.round(Number(total?.marketKg))).toBe(Math.round(0.001 * 1000));
  });

  test('no AI-service usage: one sentence and no table; not read (pure fixtures): neither', () => {
    const none = buildQuarterlyEsgReport(
      { ...fixtureAggregates('2026-Q3'), aiServiceUsage: [] },
      { generatedAt },
    );
    const workload = none.sections.find((s) => s.id === 'workload');
    expect(workload?.paragraphs).toContain(
      'No third-party AI services (LLM APIs billed per token or request) were used in the period, so there is no "By AI service" table.',
    );
    expect(tableOf(none, AI_SERVICE_TABLE_ID)).toBeUndefined();
    const unread = buildQuarterlyEsgReport(fixtureAggregates('2026-Q3'), { generatedAt });
    expect(unread.sections.find((s) => s.id === 'workload')?.paragraphs).toHaveLength(1);
    expect(tableOf(unread, AI_SERVICE_TABLE_ID)).toBeUndefined();
  });

  test('CSV, XLSX and JSON carry the same rows', async () => {
    const report = buildQuarterlyEsgReport(
      { ...fixtureAggregates('2026-Q3', AI_ROWS), aiServiceUsage: [OPENAI, ANTHROPIC] },
      { generatedAt },
    );
    const csv = toReportCsv(report).split('\r\n');
    expect(csv).toContain(
      '5 AI workload breakdown (management view),By AI service | OpenAI API | Output tokens,1000000,tokens,2026-Q3,',
    );
    expect(csv).toContain(
      '5 AI workload breakdown (management view),By AI service | Total | Emissions MB,1.45,kgCO2e,2026-Q3,market-based',
    );
    const json = JSON.parse(toReportJson(report)) as TEsgReport;
    expect(tableOf(json, AI_SERVICE_TABLE_ID)?.rows.map((r) => r.label)).toEqual([
      'OpenAI API',
      'Anthropic API',
      'Total',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toReportXlsx(report)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('By AI service');
    const rows: unknown[][] = [];
    sheet?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    // Row 1 title, row 2 headers with units, then the services and the total (the note follows).
    expect(rows.slice(2, 5)).toEqual([
      ['OpenAI API', 1000, 500_000, 1_000_000, 3, 1.2, 0.9, 1.5, 2.25, 72.7],
      ['Anthropic API', 250, 200_000, 100_000, 0.124, 0.45, 0.55, 0.25, 0.75, 27.3],
      ['Total', 1250, 700_000, 1_100_000, 3.124, 1.65, 1.45, 1.75, 3, 100],
    ]);
  });

  test('a version frozen before the table existed still loads and exports, without the table', async () => {
    // What report_version.content_json holds for such a version: the model without the AI-service table.
    const old = JSON.parse(
      toReportJson(
        withSnapshotInfo(buildQuarterlyEsgReport(fixtureAggregates('2026-Q3', AI_ROWS), { generatedAt }), {
          version: 1,
          status: 'draft',
          frozenAt: generatedAt.toISOString(),
          supersedesVersion: null,
          reason: null,
          changes: [],
        }),
      ),
    ) as TEsgReport;
    const signed = withSignOff(old, {
      preparedBy: 'editor',
      preparedAt: generatedAt.toISOString(),
      reviewedBy: null,
      reviewedAt: null,
      approvedBy: null,
      approvedAt: null,
    });
    expect(tableOf(signed, AI_SERVICE_TABLE_ID)).toBeUndefined();
    expect(toReportCsv(signed)).not.toContain('By AI service');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toReportXlsx(signed)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('By AI service')).toBeUndefined();
    // Freezing again with the table lists its figures as new (no old value), never as changes to old ones.
    const live = buildQuarterlyEsgReport(
      { ...fixtureAggregates('2026-Q3', AI_ROWS), aiServiceUsage: [OPENAI, ANTHROPIC] },
      { generatedAt },
    );
    const changes = diffReportFigures(old, live);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.metric.startsWith('By AI service | ') && c.oldValue === null)).toBe(true);
  });
});
