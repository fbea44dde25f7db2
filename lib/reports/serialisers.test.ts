import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { buildQuarterlyEsgReport } from './build-quarterly-esg-report';
import { fixtureAggregates } from './testing/report-fixture';
import { csvText, toReportCsv, toReportJson } from './to-report-csv';
import { sheetName, toReportXlsx } from './to-report-xlsx';

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

  test('XLSX: README sheet first, names fit 31 characters as whole words, frozen header rows', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toReportXlsx(report)) as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe('README');
    expect(names).toContain('Sites and regions');
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
    }
    // Every table sheet is listed in the README with its full title.
    const listed: unknown[] = [];
    workbook.getWorksheet('README')?.eachRow((r) => listed.push(r.getCell(1).value));
    expect(names.every((n) => listed.includes(n))).toBe(true);
    // Title row + header row frozen, first column frozen; numbers stay numbers.
    const tableC = workbook.getWorksheet('Table C GHG emissions');
    expect(tableC?.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(typeof tableC?.getRow(4).getCell(4).value).toBe('number');
  });

  test('sheet names: cut at a word boundary without a dangling "and", unique', () => {
    const used = new Set<string>();
    expect(sheetName('Sites, cloud accounts and regions of the organisation', used)).toBe(
      'Sites cloud accounts',
    );
    expect(sheetName('Table B: value-chain energy memo (not ESRS E1-5)', used)).toBe(
      'Table B value-chain energy',
    );
    expect(sheetName('By phase', used)).toBe('By phase');
    expect(sheetName('By phase', used)).toBe('By phase 2');
    expect(sheetName('Supercalifragilisticexpialidocious-and-more-words', used)).toHaveLength(28);
  });
});
