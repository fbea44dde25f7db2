import ExcelJS from 'exceljs';
import { neutraliseFormula } from '@/lib/export/spreadsheet-safe';
import { columnHeader } from './format-cell';
import type { TEsgReport } from './report-model';

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

/** Sheet names of tables whose title does not fit 31 characters as whole words (issue #22: "Sites, cloud … re"). */
const SHORT_SHEET_NAMES: Record<string, string> = {
  sites: 'Sites and regions',
  'table-b': 'Table B Cloud energy memo',
  'table-d': 'Table D Contracts',
  'embodied-memo': 'Embodied inventory vs memo',
  'targets-progress': 'Targets progress',
  'version-changes': 'Changes vs previous version',
};

/** Words that cannot end a shortened name ("Sites, cloud accounts and"). */
const DANGLING = /\s+(and|or|of|the|vs|by|per|with|for|in|to|a|an)$/i;

/**
 * Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ], unique (case-insensitive). A long title is cut at a
 * word boundary, never mid-word, and without a dangling "and"; duplicates get " 2", " 3".
 */
export function sheetName(title: string, used: Set<string>): string {
  const words = title
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/[(),]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ');
  let base = '';
  for (const word of words) {
    const next = base ? `${base} ${word}` : word;
    if (next.length > MAX_SHEET_NAME - 3) {
      break;
    }
    base = next;
  }
  base = (base || words[0]?.slice(0, MAX_SHEET_NAME - 3) || 'Sheet').replace(DANGLING, '');
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i += 1) {
    name = `${base} ${i}`;
  }
  used.add(name.toLowerCase());
  return name;
}

/** Text cells that look like formulas are stored as text with a leading apostrophe (never evaluated). */
const safeText = neutraliseFormula;
const safeRow = (cells: readonly unknown[]) => cells.map((c) => (typeof c === 'string' ? safeText(c) : c));

/**
 * XLSX workbook: a README sheet (what each sheet holds), a cover sheet, one sheet per report table (title row,
 * header row with units, frozen), and the flat figure list. Numbers are stored as numbers. Returns a Buffer.
 */
export async function toReportXlsx(report: TEsgReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'AI Footprint';
  // Fixed dates keep the file content a function of the model (reproducible exports).
  workbook.created = new Date(report.generatedAt);
  workbook.modified = new Date(report.generatedAt);
  const used = new Set<string>();
  const readme = workbook.addWorksheet(sheetName('README', used));
  const cover = workbook.addWorksheet(sheetName('Report', used));
  cover.addRows(
    [
      ['Title', report.title],
      [
        'Period',
        `${report.period.label} [${report.period.start}, ${report.period.end}) ${report.period.timeZone}`,
      ],
      ['Status', report.status],
      ['Assurance', report.assurance],
      ['Consolidation', report.consolidation],
      ['Methodology version', report.methodologyVersions.join(', ')],
      ['Generated at', report.generatedAt],
      ['Rounding', report.roundingRule],
    ].map(safeRow),
  );
  cover.getColumn(1).width = 22;
  cover.getColumn(2).width = 100;
  const contents: [string, string, string][] = [
    ['README', 'This sheet: what each sheet holds', ''],
    ['Report', 'Title, period, status, assurance, methodology, rounding', ''],
  ];
  for (const section of report.sections) {
    for (const table of section.tables) {
      const name = sheetName(SHORT_SHEET_NAMES[table.id] ?? table.title, used);
      contents.push([name, table.title, `${section.number}. ${section.title}`]);
      const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
      sheet.addRow([`${section.number} ${section.title}: ${table.title}`]).font = { bold: true };
      const header = sheet.addRow(safeRow(table.columns.map(columnHeader)));
      header.font = { bold: true };
      for (const row of table.rows) {
        sheet.addRow(safeRow(table.columns.map((c) => row[c.key])));
      }
      if (table.note) {
        sheet.addRow([]);
        sheet.addRow([safeText(`Note: ${table.note}`)]);
      }
      table.columns.forEach((_, i) => {
        sheet.getColumn(i + 1).width = i === 0 ? 40 : 18;
      });
    }
  }
  const flatName = sheetName('All figures', used);
  contents.push([
    flatName,
    'Every figure, one per row (the CSV export): section, metric, value, unit, period, basis',
    '',
  ]);
  const flat = workbook.addWorksheet(flatName, { views: [{ state: 'frozen', ySplit: 1 }] });
  flat.addRow(['section', 'metric', 'value', 'unit', 'period', 'basis']).font = { bold: true };
  for (const f of report.figures) {
    flat.addRow(safeRow([f.section, f.metric, f.value, f.unit, f.period, f.basis]));
  }
  readme.addRow([report.title]).font = { bold: true, size: 14 };
  readme.addRows(
    [
      [
        'Numbers are stored as numbers, rounded once when the report was built; units are in the column headers.',
      ],
      ['Location-based and market-based figures are separate columns or rows and are never added together.'],
      ['The CSV, JSON and PDF exports of the same report carry the same figures.'],
      [],
    ].map(safeRow),
  );
  readme.addRow(['Sheet', 'Contents', 'Report section']).font = { bold: true };
  readme.addRows(contents.map(safeRow));
  readme.getColumn(1).width = 32;
  readme.getColumn(2).width = 90;
  readme.getColumn(3).width = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
