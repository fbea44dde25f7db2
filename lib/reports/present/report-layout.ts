import type { TEsgReport, THeadlineFigure, TReportSection, TReportTable } from '../report-model';
import { displayUnits, humaniseText } from './display-text';

// What goes where in the rendered report (preview page and PDF share it): the cover's four tiles, the page's six,
// the executive summary's scope chart and findings, the sign-off state, and which tables move to appendices.

/** Cover tiles (issue #22): totals on both bases, facility energy, water. */
export const COVER_TILE_IDS = ['total-location', 'total-market', 'electricity-mwh', 'water-onsite'] as const;
/** Reports page: at most six tiles first; every other figure stays in the headline table of section 1. */
export const PAGE_TILE_IDS = [...COVER_TILE_IDS, 'scope3-cat2', 'measured-share'] as const;

/** Figures where a rise is good news (everything else, emissions, energy, water, is better lower). */
const HIGHER_IS_BETTER = new Set(['measured-share']);
export const higherIsBetter = (id: string) => HIGHER_IS_BETTER.has(id);

export function pickHeadline(report: TEsgReport, ids: readonly string[]): THeadlineFigure[] {
  return ids.flatMap((id) => report.headline.filter((h) => h.id === id));
}

export interface TScopeRow {
  label: string;
  locationTCo2e: number;
  marketTCo2e: number;
}

const headlineValue = (report: TEsgReport, id: string) =>
  report.headline.find((h) => h.id === id)?.value ?? 0;
const hasHeadline = (report: TEsgReport, id: string) => report.headline.some((h) => h.id === id);
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The summary's scope chart: Scope 2 LB/MB, Scope 3 Cat 1 split into cloud compute and AI services, Cat 2. Both Cat 1
 * parts are their own headline figures (`scope3-cat1-cloud-compute-*`, `scope3-cat1-ai-services-*`); a report
 * frozen before they existed has neither: its AI services read 0 and its cloud compute is the whole Cat 1 figure.
 * Cat 2 is an inventory figure without bases: the same value on both bars. Cat 11 (use of sold products,
 * `scope3-cat11-sold-products-*`) is a bar only when either basis is non-zero; a report frozen before that figure
 * existed reads 0, so it has no such bar.
 */
export function scopeChartRows(report: TEsgReport): TScopeRow[] {
  const aiLb = headlineValue(report, 'scope3-cat1-ai-services-location');
  const aiMb = headlineValue(report, 'scope3-cat1-ai-services-market');
  const cloud = (basis: 'location' | 'market', ai: number) =>
    hasHeadline(report, `scope3-cat1-cloud-compute-${basis}`)
      ? headlineValue(report, `scope3-cat1-cloud-compute-${basis}`)
      : round3(headlineValue(report, `scope3-cat1-${basis}`) - ai);
  const cat2 = headlineValue(report, 'scope3-cat2');
  const soldLb = headlineValue(report, 'scope3-cat11-sold-products-location');
  const soldMb = headlineValue(report, 'scope3-cat11-sold-products-market');
  const soldProducts: TScopeRow[] =
    soldLb !== 0 || soldMb !== 0
      ? [{ label: 'Cat 11 sold products', locationTCo2e: soldLb, marketTCo2e: soldMb }]
      : [];
  return [
    {
      label: 'Scope 2',
      locationTCo2e: headlineValue(report, 'scope2-location'),
      marketTCo2e: headlineValue(report, 'scope2-market'),
    },
    {
      label: 'Cat 1 cloud compute',
      locationTCo2e: cloud('location', aiLb),
      marketTCo2e: cloud('market', aiMb),
    },
    { label: 'Cat 1 AI services', locationTCo2e: aiLb, marketTCo2e: aiMb },
    ...soldProducts,
    { label: 'Cat 2 hardware', locationTCo2e: cat2, marketTCo2e: cat2 },
  ];
}

const PCT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const QTY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/**
 * Three to five plain-language findings: the model's driver bullets (in words), then the gap between the two bases
 * and the largest year-on-year move, so even a quiet quarter has three.
 */
export function summaryFindings(report: TEsgReport): string[] {
  const findings = report.drivers.map((d) => displayUnits(humaniseText(d, report.period.timeZone)));
  const lb = report.headline.find((h) => h.id === 'total-location');
  const mb = report.headline.find((h) => h.id === 'total-market');
  if (lb?.value && mb?.value !== null && mb?.value !== undefined) {
    findings.push(
      `Contractual instruments and supplier data bring the market-based total to ${QTY.format(mb.value)} tCO₂e, ${PCT.format((mb.value / lb.value) * 100)} % of the location-based ${QTY.format(lb.value)} tCO₂e.`,
    );
  }
  if (lb && lb.sameLastYear !== null && lb.value !== null && findings.length < 5) {
    findings.push(
      `Same quarter last year (${humaniseText(report.period.sameLastYearKey)}): ${QTY.format(lb.sameLastYear)} tCO₂e location-based; year to date ${QTY.format(lb.yearToDate ?? 0)} tCO₂e.`,
    );
  }
  if (findings.length < 3) {
    findings.push('No hardware was purchased and no figure was restated in the period.');
  }
  return findings.slice(0, 5);
}

export type TSignOffStage = 'provisional' | 'frozen' | 'reviewed' | 'approved';

export interface TSignOffState {
  stage: TSignOffStage;
  /** "Provisional", "Frozen version 2 (restated), awaiting review", "Approved, version 1 (final)". */
  label: string;
  rows: { role: string; name: string | null; at: string | null }[];
}

/** The cover's status and sign-off block, from the snapshot info and the sign-off table (lib/reports/report-snapshot.ts). */
export function signOffState(report: TEsgReport): TSignOffState {
  const table = report.sections.find((s) => s.id === 'sign-off')?.tables[0];
  const rows = (table?.rows ?? []).map((r) => ({
    role: String(r.role ?? ''),
    name: typeof r.name === 'string' ? r.name : null,
    at: typeof r.at === 'string' ? r.at : null,
  }));
  const snapshot = report.snapshot;
  if (!snapshot) {
    return { stage: 'provisional', label: 'Provisional (live data, not frozen)', rows };
  }
  const signed = (role: string) => rows.some((r) => r.role === role && r.at !== null);
  const version = `version ${snapshot.version}${snapshot.status === 'restated' ? ' (restated)' : ''}`;
  if (signed('Approver')) {
    return { stage: 'approved', label: `Approved, ${version}`, rows };
  }
  if (signed('Reviewer')) {
    return { stage: 'reviewed', label: `Reviewed, ${version}, awaiting approval`, rows };
  }
  return { stage: 'frozen', label: `Frozen, ${version}, awaiting review`, rows };
}

export interface TAppendix {
  letter: string;
  title: string;
  tables: TReportTable[];
}

/** Tables that move to the appendices of the printed report: [appendix title, table ids]. */
const APPENDIX_TABLES: [string, string[]][] = [
  ['Factor register', ['factor-register']],
  ['Data-quality tables', ['data-quality', 'fallbacks']],
  ['Restatement log', ['restatement-log', 'version-changes']],
];

/**
 * The printed report's body (sections without the appendix tables, each pointing to its appendix) and its
 * appendices A, B, C. The preview page shows the sections unchanged.
 */
export function arrangeForPrint(report: TEsgReport): { sections: TReportSection[]; appendices: TAppendix[] } {
  const appendices: TAppendix[] = APPENDIX_TABLES.map(([title, ids], i) => ({
    letter: String.fromCharCode(65 + i),
    title,
    tables: report.sections.flatMap((s) => s.tables.filter((t) => ids.includes(t.id))),
  }));
  const appendixOf = (tableId: string) => appendices.find((a) => a.tables.some((t) => t.id === tableId));
  const sections = report.sections.map((section) => {
    const moved = section.tables.filter((t) => appendixOf(t.id));
    if (!moved.length) {
      return section;
    }
    const pointers = [...new Set(moved.map((t) => appendixOf(t.id)))].map(
      (a) => `${a?.title}: see Appendix ${a?.letter}.`,
    );
    return {
      ...section,
      paragraphs: [...section.paragraphs, ...pointers],
      tables: section.tables.filter((t) => !appendixOf(t.id)),
    };
  });
  return { sections, appendices };
}

/** Long free-text columns shown as a full-width line under their row: [table id, column key]. */
const WIDE_COLUMNS: Record<string, string> = {
  'factor-register': 'source',
  'asset-register': 'source',
};
export const wideColumnOf = (tableId: string): string | undefined => WIDE_COLUMNS[tableId];

/**
 * For a change column of a table ("% vs previous", "% YoY"), the key of the comparative value it is relative to,
 * so the cell can be shown signed and coloured, and as "n/a (base near zero)" beyond ±999 %.
 */
export function changeBaseKey(columnKey: string, rowKeys: readonly string[]): string | undefined {
  if (columnKey === 'qoqPct') {
    return 'previous';
  }
  if (columnKey === 'yoyPct') {
    return rowKeys.includes('sameLastYear') ? 'sameLastYear' : 'lastYear';
  }
  return undefined;
}
