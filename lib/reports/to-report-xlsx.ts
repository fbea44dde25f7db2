import ExcelJS from 'exceljs';
import { neutraliseFormula } from '@/lib/export/spreadsheet-safe';
import { columnHeader } from './format-cell';
import type { TEsgReport } from './report-model';

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(title: string, used: Set<string>): string {
  const base = title
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, 28)
    .trim();
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i += 1) {
    name = `${base.slice(0, 26)} ${i}`;
  }
  used.add(name.toLowerCase());
  return name;
}

/** Text cells that look like formulas are stored as text with a leading apostrophe (never evaluated). */
const safeText = neutraliseFormula;
const safeRow = (cells: readonly unknown[]) => cells.map((c) => (typeof c === 'string' ? safeText(c) : c));

/** XLSX workbook: a cover sheet, one sheet per report table, and the flat figure list. Returns a Buffer. */
export async function toReportXlsx(report: TEsgReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'AI Footprint';
  // Fixed dates keep the file content a function of the model (reproducible exports).
  workbook.created = new Date(report.generatedAt);
  workbook.modified = new Date(report.generatedAt);
  const used = new Set<string>();
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
  for (const section of report.sections) {
    for (const table of section.tables) {
      const sheet = workbook.addWorksheet(sheetName(table.title, used));
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
  const flat = workbook.addWorksheet(sheetName('All figures', used));
  flat.addRow(['section', 'metric', 'value', 'unit', 'period', 'basis']).font = { bold: true };
  for (const f of report.figures) {
    flat.addRow(safeRow([f.section, f.metric, f.value, f.unit, f.period, f.basis]));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
