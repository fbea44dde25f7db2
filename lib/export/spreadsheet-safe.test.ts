import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { auditCsvLine } from '@/lib/audit/audit-csv';
import { recordCsvLine } from '@/lib/dashboard/record-csv';
import { createCsvTokenizer } from '@/lib/ingest/csv-tokenizer';
import { toErrorReportCsv } from '@/lib/ingest/error-report-csv';
import { buildQuarterlyEsgReport } from '@/lib/reports/build-quarterly-esg-report';
import { FIXTURE_ROWS, fixtureAggregates } from '@/lib/reports/testing/report-fixture';
import { toReportCsv } from '@/lib/reports/to-report-csv';
import { toReportXlsx } from '@/lib/reports/to-report-xlsx';
import { FORMULA_START, neutraliseFormula, toCsvTextField } from './spreadsheet-safe';

// Names an attacker controls (team, project, model, region, file name, audit metadata) with every formula
// start OWASP lists, plus markup. Each export must write them so that no cell starts a formula.
const HOSTILE = [
  '=HYPERLINK("http://evil.test","x")',
  '+SUM(1,2)',
  "-2+3+cmd|' /C calc'!A0",
  '@SUM(1)',
  '\t=1+1',
  '\r=1+1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
];
const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

function csvFields(csv: string): string[] {
  const tokenizer = createCsvTokenizer(',');
  return [...tokenizer.push(csv), ...tokenizer.end().rows].flatMap((row) => row.fields);
}

function expectInert(fields: readonly string[]) {
  const live = fields.filter((f) => FORMULA_START.test(f) && !NUMBER.test(f));
  expect(live).toEqual([]);
}

describe('one neutraliser for every export', () => {
  test('formula starts get an apostrophe; plain text and numbers are unchanged', () => {
    expect(HOSTILE.map(neutraliseFormula).every((t) => t.startsWith("'") || t.startsWith('<'))).toBe(true);
    expect(neutraliseFormula('Research')).toBe('Research');
    expect(toCsvTextField('a,"b"')).toBe('"a,""b"""');
  });

  test('records CSV export', () => {
    const lines = HOSTILE.map((name, i) =>
      recordCsvLine({
        id: `id-${i}`,
        externalId: name,
        phase: 'training',
        startedAt: new Date('2025-01-01T00:00:00Z'),
        endedAt: new Date('2025-01-02T00:00:00Z'),
        team: name,
        project: name,
        model: name,
        provider: 'aws',
        region: name,
        accelerator: name,
        aiService: name,
        facilityEnergyKwh: -1.5,
        locationKgCo2e: 2,
        marketKgCo2e: 3,
        embodiedKgCo2e: 4,
        waterL: 5,
        isMeasured: false,
      }),
    );
    const fields = csvFields(lines.join(''));
    expectInert(fields);
    expect(fields).toContain('\'=HYPERLINK("http://evil.test","x")');
    expect(fields).toContain('-1.5');
  });

  test('audit log CSV export', () => {
    const csv = HOSTILE.map((name) =>
      auditCsvLine({
        createdAt: new Date('2025-01-01T00:00:00Z'),
        action: name,
        actorEmail: name,
        actorUserId: name,
        actorTokenId: null,
        targetType: name,
        targetId: name,
        metadata: name,
      }),
    ).join('');
    expectInert(csvFields(csv));
  });

  test('upload error report CSV download', () => {
    const csv = toErrorReportCsv(
      HOSTILE.map((name) => ({ fileName: name, line: 2, column: name, message: name })),
    );
    expectInert(csvFields(csv));
  });

  describe('quarterly report exports with hostile team, model and region names', () => {
    const rows = FIXTURE_ROWS.map((r, i) => ({
      ...r,
      team: HOSTILE[i % HOSTILE.length] as string,
      model: HOSTILE[(i + 1) % HOSTILE.length] as string,
      region: HOSTILE[(i + 2) % HOSTILE.length] as string,
    }));
    FIXTURE_ROWS.splice(0, FIXTURE_ROWS.length, ...rows);
    const report = buildQuarterlyEsgReport(fixtureAggregates('2026-Q3'), {
      generatedAt: new Date('2026-11-29T12:00:00Z'),
    });

    test('report CSV', () => {
      expectInert(csvFields(toReportCsv(report)));
    });

    test('report XLSX: every text cell of every sheet', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await toReportXlsx(report)) as unknown as ArrayBuffer);
      const texts: string[] = [];
      let formulas = 0;
      workbook.eachSheet((sheet) => {
        sheet.eachRow((row) => {
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula) {
              formulas += 1;
            }
            if (typeof cell.value === 'string') {
              texts.push(cell.value);
            }
          });
        });
      });
      expect(formulas).toBe(0);
      expectInert(texts);
      // The hostile names reached the workbook, neutralised.
      expect(texts.some((t) => t.startsWith("'=HYPERLINK") || t.startsWith("'+SUM"))).toBe(true);
    });
  });
});
