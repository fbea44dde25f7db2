import { formatNumber } from '@/lib/format/quantities';
import type { TAiEstimateReport } from './build-ai-estimate-report';
import { formatEstimateText } from './format-estimate-text';

const range = (r: { min: number; max: number }) => `${formatNumber(r.min)} – ${formatNumber(r.max)}`;

/** Human-readable output of `footprint estimate` on an AI-service usage export. */
export function formatAiEstimateText(report: TAiEstimateReport, fileName: string): string {
  const t = report.totals;
  const header = `${fileName}: ${report.format ?? 'AI-service usage'}, ${t.rows} usage row(s), method ${report.aiMethod} (methodology ${report.methodologyVersion})`;
  // A file of on-device rows only: no model totals of zero before the device section.
  const modelTotals = t.rows > 0 || !report.edge;
  const lines = [header, ...(modelTotals ? [] : ['  (no model-service rows)'])];
  if (modelTotals) {
    lines.push(
      '',
      `  Tokens               ${formatNumber(t.outputTokens)} output, ${formatNumber(t.inputTokens)} input (input tokens carry no energy in the method)`,
      `  Facility energy      ${formatNumber(t.energyKwh)} kWh  (range ${range(t.energyKwhRange)})`,
      `  Location-based       ${formatNumber(t.usageKgCo2e)} kg CO2e operational + ${formatNumber(t.embodiedKgCo2e)} embodied = ${formatNumber(t.totalKgCo2e)} kg CO2e  (range ${range(t.totalKgCo2eRange)})`,
      '  Market-based         no contracts: the grid average of the location-based figure',
      `  Water                ${formatNumber(t.waterOnsiteL)} L on-site, ${formatNumber(t.waterOffsiteL)} L off-site  (range ${range(t.waterLRange)} L)`,
    );
  }
  if (report.rows.length) {
    lines.push(
      '',
      '  line  model                               output tokens   kWh (range)                 kg CO2e   zone  flags',
    );
    for (const r of report.rows) {
      lines.push(
        `  ${String(r.line).padStart(4)}  ${r.model.slice(0, 34).padEnd(34)} ${formatNumber(r.outputTokens).padStart(14)}   ` +
          `${`${formatNumber(r.energyKwh)} (${range(r.energyKwhRange)})`.padEnd(27)} ${formatNumber(r.totalKgCo2e).padStart(9)}   ${(r.gridZone ?? 'row').padEnd(4)}  ${r.flags.join(', ') || '-'}`,
        // The per-row split the EcoLogits outputs give (usage, embodied, water), each with its range.
        `        usage ${formatNumber(r.usageKgCo2e)} kg CO2e (${range(r.usageKgCo2eRange)}), embodied ${formatNumber(r.embodiedKgCo2e)} kg CO2e (${range(r.embodiedKgCo2eRange)}), water ${formatNumber(r.waterOnsiteL + r.waterOffsiteL)} L (${range(r.waterLRange)})`,
      );
    }
  }
  if (Object.keys(report.flags).length) {
    lines.push('', 'Flags:', ...Object.entries(report.flags).map(([code, text]) => `  ${code}: ${text}`));
  }
  if (report.skippedRows) {
    lines.push('', `  ${report.skippedRows} row(s) are neither AI tokens nor GPU hours (not estimated).`);
  }
  for (const w of report.warnings) {
    lines.push(`  warning ${fileName}:${w.line}${w.column ? ` [${w.column}]` : ''}: ${w.message}`);
  }
  if (report.errors.length) {
    lines.push('', `${report.errors.length} invalid row(s):`);
    for (const e of report.errors) {
      lines.push(`  ${fileName}:${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.message}`);
    }
  }
  const text = `${lines.join('\n')}\n`;
  const edge = report.edge
    ? `\nOn-device inference (device energy only, no data-centre PUE or water; grid of the devices' country):\n${formatEstimateText(report.edge, fileName)}`
    : '';
  return report.gpu
    ? `${text}\nGPU instance hours of this export (compute engine):\n${formatEstimateText(report.gpu, fileName)}${edge}`
    : `${text}${edge}`;
}
