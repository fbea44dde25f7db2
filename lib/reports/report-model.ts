/**
 * The quarterly (or yearly) ESG report as data: every serialiser (CSV, JSON, XLSX, PDF) and the preview render
 * this model and nothing else, so all formats show the same rounded figures.
 */
export type TCell = string | number | null;

export interface TReportColumn {
  key: string;
  label: string;
  /** Unit of the numbers in this column (absent for text columns). */
  unit?: string;
  /** GHG basis of the column when it holds emissions ("location-based", "market-based"). */
  basis?: string;
  /** Period key of the column when it differs from the report period (comparatives). */
  period?: string;
}

export interface TReportTable {
  id: string;
  title: string;
  columns: TReportColumn[];
  /** Keyed by column key; the first column is the row label. */
  rows: Record<string, TCell>[];
  note?: string;
}

export interface TReportSection {
  id: string;
  number: string;
  title: string;
  paragraphs: string[];
  tables: TReportTable[];
}

/** One figure of the flat export (CSV): what, how much, in which unit, for which period, on which basis. */
export interface TReportFigure {
  section: string;
  metric: string;
  value: number | null;
  unit: string;
  period: string;
  basis: string;
}

export interface THeadlineFigure {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  basis: string;
  previous: number | null;
  changeVsPreviousPct: number | null;
  sameLastYear: number | null;
  changeVsLastYearPct: number | null;
  yearToDate: number | null;
}

export interface TReportChartPoint {
  label: string;
  energyMwh: number;
  locationTCo2e: number;
  marketTCo2e: number;
}

export interface TEsgReport {
  schemaVersion: 1;
  title: string;
  organization: { id: string; name: string; timeZone: string };
  period: {
    key: string;
    label: string;
    kind: 'quarter' | 'year';
    start: string;
    end: string;
    timeZone: string;
    previousKey: string;
    sameLastYearKey: string;
    yearToDateStart: string;
  };
  generatedAt: string;
  status: 'provisional';
  assurance: string;
  consolidation: string;
  methodologyVersions: string[];
  roundingRule: string;
  headline: THeadlineFigure[];
  drivers: string[];
  sections: TReportSection[];
  figures: TReportFigure[];
  charts: { monthly: TReportChartPoint[]; byPhase: TReportChartPoint[] };
  /** Present on frozen versions only (lib/reports/report-snapshot.ts). */
  snapshot?: TReportSnapshotInfo;
}

/** A figure that differs from the previous frozen version of the same period. */
export interface TFigureChange {
  section: string;
  metric: string;
  period: string;
  unit: string;
  basis: string;
  oldValue: number | null;
  newValue: number | null;
  delta: number | null;
}

export interface TReportSnapshotInfo {
  version: number;
  status: 'draft' | 'final' | 'restated';
  frozenAt: string;
  supersedesVersion: number | null;
  /** Reason code (ESG report outline §7, docs/REPORTS.md): recalculation after data or factor changes. */
  reason: string | null;
  changes: TFigureChange[];
}
