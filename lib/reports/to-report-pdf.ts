import PDFDocument from 'pdfkit';
import { columnHeader, formatCell } from './format-cell';
import { CHART_SERIES, drawBarChart } from './pdf-charts';
import type { TEsgReport, TReportTable } from './report-model';

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 40;

function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - MARGIN) {
    doc.addPage();
  }
}

function drawTable(doc: Doc, table: TReportTable): void {
  const width = doc.page.width - 2 * MARGIN;
  const first = Math.min(180, width * 0.3);
  const rest = table.columns.length > 1 ? (width - first) / (table.columns.length - 1) : 0;
  const widths = table.columns.map((_, i) => (i === 0 ? first : rest));
  ensureSpace(doc, 40);
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .fillColor('#111111')
    .text(table.title, MARGIN, doc.y + 4);
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(6.5);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 40) - 4 }))) + 3;
    ensureSpace(doc, height);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc
        .fillColor('#111111')
        .text(c, x + 2, y + 1.5, { width: (widths[i] ?? 40) - 4, align: i === 0 ? 'left' : 'right' });
      x += widths[i] ?? 40;
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + width, y + height)
      .lineWidth(0.25)
      .strokeColor('#cccccc')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(table.columns.map(columnHeader), true);
  if (table.rows.length === 0) {
    drawRow(['No entries in the period.'], false);
  }
  for (const row of table.rows) {
    drawRow(
      table.columns.map((c) => formatCell(row[c.key] ?? null)),
      false,
    );
  }
  if (table.note) {
    doc
      .font('Helvetica-Oblique')
      .fontSize(6.5)
      .fillColor('#444444')
      .text(table.note, MARGIN, doc.y + 2, { width });
  }
  doc.moveDown(0.6);
}

/** Status banner printed on every page (period, status, assurance, methodology, generation time). */
function banner(doc: Doc, report: TEsgReport): void {
  const text = `${report.organization.name} | ${report.period.label} | ${report.snapshot ? `VERSION ${report.snapshot.version} ${report.snapshot.status.toUpperCase()}` : report.status.toUpperCase()} | ${report.assurance} | methodology ${report.methodologyVersions.join(', ')} | generated ${report.generatedAt}`;
  doc
    .font('Helvetica')
    .fontSize(6)
    .fillColor('#666666')
    .text(text, MARGIN, 18, { width: doc.page.width - 2 * MARGIN, lineBreak: false });
  doc.x = MARGIN;
  doc.y = MARGIN;
}

/** The report as PDF (built-in Helvetica, vector charts, no external fetch). Returns a Buffer. */
export function toReportPdf(report: TEsgReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: report.title, Author: 'AI Footprint', CreationDate: new Date(report.generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.on('pageAdded', () => banner(doc, report));
  banner(doc, report);
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#111111').text(report.title, MARGIN, MARGIN, { width });
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(
      `Period [${report.period.start}, ${report.period.end}) ${report.period.timeZone}. Consolidation: ${report.consolidation}. ${report.roundingRule}`,
      { width },
    );
  doc.moveDown(0.5);
  for (const h of report.headline) {
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(`${h.label}: ${formatCell(h.value)} ${h.unit} (${h.basis})`, { width });
  }
  doc.moveDown(0.3);
  for (const d of report.drivers) {
    doc.font('Helvetica').fontSize(8).text(`• ${d}`, { width });
  }
  doc.addPage();
  const chartWidth = (width - 20) / 2;
  const top = doc.y;
  drawBarChart(
    doc,
    'Monthly trend: location-based vs market-based',
    report.charts.monthly,
    CHART_SERIES.lbMb,
    { x: MARGIN, y: top, width: chartWidth, height: 200 },
  );
  drawBarChart(doc, 'Monthly facility energy', report.charts.monthly, CHART_SERIES.energy, {
    x: MARGIN + chartWidth + 20,
    y: top,
    width: chartWidth,
    height: 200,
  });
  const bottom = drawBarChart(doc, 'Breakdown by phase', report.charts.byPhase, CHART_SERIES.lbMb, {
    x: MARGIN,
    y: top + 220,
    width,
    height: 200,
  });
  doc.x = MARGIN;
  doc.y = bottom + 10;
  for (const section of report.sections) {
    ensureSpace(doc, 80);
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .fillColor('#111111')
      .text(`${section.number}. ${section.title}`, MARGIN, doc.y + 6, { width });
    for (const p of section.paragraphs) {
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#222222')
        .text(p, MARGIN, doc.y + 2, { width });
    }
    for (const table of section.tables) {
      drawTable(doc, table);
    }
  }
  doc.end();
  return done;
}
