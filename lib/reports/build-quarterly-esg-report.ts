import type { TPeriodTotals, TQuarterAggregates } from './aggregate-types';
import { buildBoundarySection, buildEnergySection, buildGhgSection } from './build-energy-ghg-sections';
import { buildHardwareSection } from './build-hardware-section';
import {
  buildEquivalencesSection,
  buildMethodologySection,
  buildRestatementsSection,
  buildSignOffSection,
} from './build-quality-sections';
import { buildTargetsSection } from './build-targets-section';
import { buildSciSection, buildWaterSection, buildWorkloadSection } from './build-workload-sections';
import { buildHeadline } from './headline-figures';
import type {
  TEsgReport,
  THeadlineFigure,
  TReportChartPoint,
  TReportFigure,
  TReportSection,
} from './report-model';
import { periodLabel } from './report-period';
import { ROUNDING_RULE, roundFor, toMwh, toTonnes } from './rounding';

export interface TBuildReportOptions {
  generatedAt: Date;
  org?: { name: string };
}

function chartPoint(label: string, t: TPeriodTotals): TReportChartPoint {
  return {
    label,
    energyMwh: roundFor(toMwh(t.facilityEnergyKwh), 'MWh') ?? 0,
    locationTCo2e: roundFor(toTonnes(t.locationKgCo2e), 'tCO2e') ?? 0,
    marketTCo2e: roundFor(toTonnes(t.marketKgCo2e), 'tCO2e') ?? 0,
  };
}

function drivers(a: TQuarterAggregates, headline: THeadlineFigure[]): string[] {
  const out: string[] = [];
  const total = headline.find((h) => h.id === 'total-location');
  if (total?.changeVsPreviousPct !== null && total?.changeVsPreviousPct !== undefined) {
    out.push(
      `Location-based total ${total.changeVsPreviousPct >= 0 ? 'up' : 'down'} ${Math.abs(total.changeVsPreviousPct)} % vs ${periodLabel(a.previous.period)}.`,
    );
  }
  const [phase] = a.byPhase;
  if (phase && a.totals.locationKgCo2e > 0) {
    const share = roundFor((phase.totals.locationKgCo2e / a.totals.locationKgCo2e) * 100, '%');
    out.push(`Largest workload phase: ${phase.key} (${share} % of location-based emissions).`);
  }
  const [region] = a.byRegion;
  if (region) {
    out.push(`Largest region: ${region.key}.`);
  }
  if (a.hardware && a.hardware.purchasedAssets > 0) {
    out.push(
      `Hardware purchases: ${a.hardware.purchasedAssets} asset(s), ${roundFor(toTonnes(a.hardware.cat2KgCo2e), 'tCO2e')} tCO2e booked as Scope 3 Cat 2.`,
    );
  }
  if (a.restatements.length) {
    out.push(`${a.restatements.length} restated record value(s) in the period.`);
  }
  return out;
}

function summarySection(a: TQuarterAggregates, headline: THeadlineFigure[]): TReportSection {
  const quarter = a.period.kind === 'quarter';
  return {
    id: 'summary',
    number: '1',
    title: 'Executive summary',
    paragraphs: [],
    tables: [
      {
        id: 'headline',
        title: 'Headline figures',
        columns: [
          { key: 'label', label: 'Metric' },
          { key: 'value', label: periodLabel(a.period) },
          { key: 'unit', label: 'Unit' },
          { key: 'basis', label: 'Basis' },
          ...(quarter
            ? [{ key: 'previous', label: periodLabel(a.previous.period), period: a.previous.period.key }]
            : []),
          ...(quarter ? [{ key: 'qoqPct', label: '% vs previous', unit: '%' }] : []),
          {
            key: 'sameLastYear',
            label: periodLabel(a.sameLastYear.period),
            period: a.sameLastYear.period.key,
          },
          { key: 'yoyPct', label: '% YoY', unit: '%' },
          ...(quarter ? [{ key: 'ytd', label: 'YTD', period: a.yearToDate.period.key }] : []),
        ],
        rows: headline.map((h) => ({
          label: h.label,
          value: h.value,
          unit: h.unit,
          basis: h.basis,
          ...(quarter ? { previous: h.previous, qoqPct: h.changeVsPreviousPct, ytd: h.yearToDate } : {}),
          sameLastYear: h.sameLastYear,
          yoyPct: h.changeVsLastYearPct,
        })),
      },
    ],
  };
}

/** One flat figure per numeric cell; the unit is the column's, else the row's `unit` text. */
function flattenFigures(report: Pick<TEsgReport, 'sections' | 'period'>): TReportFigure[] {
  const figures: TReportFigure[] = [];
  for (const section of report.sections) {
    for (const table of section.tables) {
      const [labelColumn] = table.columns;
      for (const row of table.rows) {
        const rowLabel = labelColumn ? String(row[labelColumn.key] ?? '') : '';
        const rowBasis = typeof row.basis === 'string' ? row.basis : '';
        for (const column of table.columns.slice(1)) {
          const cell = row[column.key];
          const unit = column.unit ?? (typeof row.unit === 'string' ? row.unit : undefined);
          if ((typeof cell !== 'number' && cell !== null) || unit === undefined) {
            continue;
          }
          figures.push({
            section: `${section.number} ${section.title}`,
            metric: `${table.title} | ${rowLabel} | ${column.label}`,
            value: cell,
            unit,
            period: column.period ?? report.period.key,
            basis: column.basis ?? rowBasis,
          });
        }
      }
    }
  }
  return figures;
}

/** The report model (pure): sections from the outline, rounded once, plus a flat figure list and chart data. */
export function buildQuarterlyEsgReport(a: TQuarterAggregates, options: TBuildReportOptions): TEsgReport {
  const headline = buildHeadline(a);
  const sections = [
    summarySection(a, headline),
    buildBoundarySection(a),
    buildEnergySection(a),
    buildGhgSection(a),
    buildWorkloadSection(a),
    buildSciSection(a),
    buildHardwareSection(a),
    buildWaterSection(a),
    buildTargetsSection(a),
    buildMethodologySection(a),
    buildRestatementsSection(a),
    buildEquivalencesSection(a),
    buildSignOffSection(),
  ];
  const orgName = options.org?.name ?? a.org.name;
  const period = {
    key: a.period.key,
    label: periodLabel(a.period),
    kind: a.period.kind,
    start: a.period.start.toISOString(),
    end: a.period.end.toISOString(),
    timeZone: a.period.timeZone,
    previousKey: a.previous.period.key,
    sameLastYearKey: a.sameLastYear.period.key,
    yearToDateStart: a.yearToDate.period.start.toISOString(),
  };
  return {
    schemaVersion: 1,
    title: `${orgName}: AI footprint ESG report ${period.label}`,
    organization: { id: a.org.id, name: orgName, timeZone: a.org.timeZone },
    period,
    generatedAt: options.generatedAt.toISOString(),
    status: 'provisional',
    assurance: 'Unassured management information',
    consolidation: 'Operational control',
    methodologyVersions: a.methodologyVersions,
    roundingRule: ROUNDING_RULE,
    headline,
    drivers: drivers(a, headline),
    sections,
    figures: flattenFigures({ sections, period }),
    charts: {
      monthly: a.monthly.map((m) => chartPoint(m.month, m.totals)),
      byPhase: a.byPhase.map((p) => chartPoint(p.key, p.totals)),
    },
  };
}
