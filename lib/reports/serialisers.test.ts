import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { buildQuarterlyEsgReport } from './build-quarterly-esg-report';
import { fixtureAggregates } from './testing/report-fixture';
import { csvText, toReportCsv, toReportJson } from './to-report-csv';
import { toReportPdf } from './to-report-pdf';
import { toReportXlsx } from './to-report-xlsx';

const report = buildQuarterlyEsgReport(fixtureAggregates('2026-Q3'), {
  generatedAt: new Date('2026-11-29T12:00:00Z'),
});

describe('report serialisers', () => {
  test('CSV: one row per figure with unit, period and basis', () => {
    const csv = toReportCsv(report);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,metric,value,unit,period,basis');
    expect(lines).toHaveLength(report.figures.length + 1);
    expect(lines).toContain(
      '1 Executive summary,Headline figures | Total AI footprint, location-based | Q3 2026,0.09,tCO2e,2026-Q3,location-based'.replace(
        'Headline figures | Total AI footprint, location-based | Q3 2026',
        '"Headline figures | Total AI footprint, location-based | Q3 2026"',
      ),
    );
  });

  test('CSV text cells cannot start a formula', () => {
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('plain')).toBe('plain');
  });

  test('JSON round-trips the model and is stable', () => {
    const json = toReportJson(report);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(report)));
    expect(toReportJson(report)).toBe(json);
  });

  test('XLSX: one sheet per table, parsed back with exceljs', async () => {
    const buffer = await toReportXlsx(report);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toContain('Table C GHG emissions');
    expect(names).toContain('Factor register');
    const tableC = workbook.getWorksheet('Table C GHG emissions');
    const rows: unknown[][] = [];
    tableC?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const totalLb = rows.find((r) => r[0] === 'Total (LB basis)');
    expect(totalLb).toEqual(['Total (LB basis)', 0, 0.04, 0.09, 0.13]);
    const register = workbook.getWorksheet('Factor register');
    const sources: unknown[] = [];
    register?.eachRow((r) => sources.push(r.getCell(5).value));
    expect(sources).toContain("'=cmd|evil");
  });

  test('PDF: well-formed and pdftotext finds the headline figures', async () => {
    const pdf = await toReportPdf(report);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(tmpdir(), 'aif-report-'));
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Total AI footprint, location-based: 0.09 tCO2e');
    expect(text).toContain('Total AI footprint, market-based: 0.05 tCO2e');
    expect(text).toContain('Table C: GHG emissions');
    expect(text).toContain('Factor register');
    expect(text).toContain('Monthly trend');
  });
});
