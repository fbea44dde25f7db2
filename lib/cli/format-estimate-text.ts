import type { NameResolution } from '@/lib/emissions/name-resolutions';
import { formatNumber } from '@/lib/format/quantities';
import type { TEstimateReport } from './build-estimate-report';

/** One line of the "Resolved names" table: the catalog entry or zone, its factor and how it matched. */
const KIND_WORDS: Record<NameResolution['kind'], string> = {
  accelerator: 'accelerator',
  instanceType: 'instance',
  region: 'region',
  model: 'AI model',
};

function describeResolution(r: NameResolution): string {
  if (!r.resolved) {
    return `NOT RECOGNISED${r.blocking ? ' (rows rejected)' : ' (default values used)'}`;
  }
  if (r.kind === 'accelerator') {
    return `${r.catalogName} (${formatNumber(r.tdpW ?? 0)} W) — ${r.matchedBy}`;
  }
  if (r.kind === 'instanceType') {
    return `${formatNumber(r.acceleratorsPerInstance ?? 0)} × ${r.catalogName} — ${r.matchedBy}`;
  }
  if (r.kind === 'model') {
    return `${r.catalogName} — ${r.matchedBy}`;
  }
  const country = r.countryCode && r.countryCode !== r.gridZone ? ` (${r.countryCode})` : '';
  const factor = r.intensity
    ? `, ${formatNumber(r.intensity.gCo2ePerKwh)} g/kWh ${r.intensity.year} (${r.intensity.source})`
    : '';
  return `grid zone ${r.gridZone}${country}${factor} — ${r.matchedBy}`;
}

/** Human-readable output of `footprint estimate` (without --json). */
export function formatEstimateText(report: TEstimateReport, fileName: string): string {
  const t = report.totals;
  const lines = [
    `${fileName}: ${t.records} record(s), methodology ${report.methodologyVersion}`,
    '',
    `  IT energy            ${formatNumber(t.itEnergyKwh)} kWh`,
    `  Facility energy      ${formatNumber(t.energyKwh)} kWh`,
    `  Location-based       ${formatNumber(t.locationKgCo2e)} kg CO2e  (range ${formatNumber(t.uncertainty.lowKgCo2e)} – ${formatNumber(t.uncertainty.highKgCo2e)})`,
    `  Market-based         ${formatNumber(t.marketKgCo2e)} kg CO2e  (no contracts: residual mix or grid average)`,
    `  Embodied (amortised) ${formatNumber(t.embodiedKgCo2e)} kg CO2e`,
    `  Water                ${formatNumber(t.waterOnsiteL)} L on-site, ${formatNumber(t.waterOffsiteL)} L off-site`,
  ];
  if (report.records.length) {
    lines.push(
      '',
      '  line  record                         facility kWh   intensity g/kWh (source)    kg CO2e  assumptions',
    );
    for (const r of report.records) {
      lines.push(
        `  ${String(r.line).padStart(4)}  ${(r.recordId ?? '-').slice(0, 30).padEnd(30)} ${formatNumber(r.energyKwh).padStart(12)}   ` +
          `${`${formatNumber(r.intensityGCo2ePerKwh)} (${r.intensitySource})`.padEnd(24)} ${formatNumber(r.locationKgCo2e).padStart(10)}  ${r.assumptions.join(', ') || '-'}`,
      );
    }
  }
  const cc = report.codecarbon;
  if (cc) {
    lines.push(
      '',
      `  CodeCarbon reported ${formatNumber(cc.reportedKgCo2e)} kg CO2e for these ${cc.runs} run(s); ours (location-based) ${formatNumber(cc.recomputedLocationKgCo2e)} kg CO2e.`,
    );
    if (cc.differingRuns) {
      lines.push(`  ${cc.differingRuns} run(s) differ by more than 10 %:`);
      for (const d of cc.differences ?? []) {
        lines.push(
          `    line ${d.line}: CodeCarbon ${formatNumber(d.reportedKgCo2e)}, ours ${formatNumber(d.recomputedLocationKgCo2e)} kg CO2e`,
          ...d.reasons.map((reason) => `      ${reason}`),
        );
      }
    }
  }
  if (report.resolutions.length) {
    lines.push('', 'Resolved names:', '  kind         name                            rows  resolves to');
    for (const r of report.resolutions) {
      lines.push(
        `  ${KIND_WORDS[r.kind].padEnd(12)} ${r.name.slice(0, 30).padEnd(30)} ${String(r.rows).padStart(5)}  ${describeResolution(r)}`,
      );
    }
  }
  if (report.errors.length) {
    lines.push('', `${report.errors.length} invalid row(s):`);
    for (const e of report.errors) {
      lines.push(`  ${fileName}:${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
