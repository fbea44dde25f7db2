import type PDFDocument from 'pdfkit';
import type { TReportChartPoint } from './report-model';

type Doc = InstanceType<typeof PDFDocument>;

const LB_COLOUR = '#1f6f5c';
const MB_COLOUR = '#c2862b';

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Grouped bar chart drawn with pdfkit vectors (no raster, no fetch): for each point, `series` bars side by side,
 * value labels under the axis, a legend on top. Returns the y below the chart.
 */
export function drawBarChart(
  doc: Doc,
  title: string,
  points: readonly TReportChartPoint[],
  series: readonly { key: keyof Omit<TReportChartPoint, 'label'>; label: string; colour: string }[],
  box: ChartBox,
): number {
  doc.font('Helvetica-Bold').fontSize(9).fillColor('#111111').text(title, box.x, box.y);
  const top = box.y + 14;
  let legendX = box.x;
  for (const s of series) {
    doc.rect(legendX, top, 8, 8).fill(s.colour);
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor('#333333')
      .text(s.label, legendX + 11, top, { lineBreak: false });
    legendX += 12 + doc.widthOfString(s.label) + 12;
  }
  const plotTop = top + 14;
  const plotHeight = box.height - 40;
  const axisY = plotTop + plotHeight;
  const max = Math.max(0, ...points.flatMap((p) => series.map((s) => p[s.key])));
  doc
    .moveTo(box.x, axisY)
    .lineTo(box.x + box.width, axisY)
    .lineWidth(0.5)
    .strokeColor('#888888')
    .stroke();
  doc
    .font('Helvetica')
    .fontSize(6)
    .fillColor('#555555')
    .text(`max ${max} ${series[0]?.key === 'energyMwh' ? 'MWh' : 'tCO2e'}`, box.x, plotTop - 2, {
      lineBreak: false,
    });
  const slot = points.length ? box.width / points.length : box.width;
  const barWidth = Math.max(2, (slot * 0.7) / Math.max(1, series.length));
  points.forEach((p, i) => {
    series.forEach((s, j) => {
      const h = max > 0 ? (p[s.key] / max) * (plotHeight - 8) : 0;
      const x = box.x + i * slot + slot * 0.15 + j * barWidth;
      if (h > 0) {
        doc.rect(x, axisY - h, barWidth - 1, h).fill(s.colour);
      }
    });
    doc
      .font('Helvetica')
      .fontSize(6)
      .fillColor('#333333')
      .text(p.label, box.x + i * slot, axisY + 3, { width: slot, align: 'center', lineBreak: false });
  });
  return axisY + 16;
}

export const CHART_SERIES = {
  lbMb: [
    { key: 'locationTCo2e', label: 'Location-based tCO2e', colour: LB_COLOUR },
    { key: 'marketTCo2e', label: 'Market-based tCO2e', colour: MB_COLOUR },
  ],
  energy: [{ key: 'energyMwh', label: 'Facility energy MWh', colour: '#3b5ba5' }],
} as const;
