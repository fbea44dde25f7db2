import { displayCell } from '@/lib/reports/present/display-text';
import type { TScopeRow } from '@/lib/reports/present/report-layout';
import type { TReportChartPoint } from '@/lib/reports/report-model';
import { ReportBarChart, type TBarSeries } from './report-bar-chart';

// Location-based green, market-based amber: the same two colours in every report chart and legend.
const LB_MB: TBarSeries[] = [
  { key: 'locationTCo2e', name: 'Location-based', color: '#1f6f5c' },
  { key: 'marketTCo2e', name: 'Market-based', color: '#c2862b' },
];

const UNIT = 'tCO₂e';

const toRows = (points: TReportChartPoint[] | TScopeRow[]) =>
  points.map((p) => ({
    label: displayCell(p.label),
    locationTCo2e: p.locationTCo2e,
    marketTCo2e: p.marketTCo2e,
  }));

/** Emissions by scope on both bases (executive summary). */
export function ScopeChart({ rows, fixedWidth }: { rows: TScopeRow[]; fixedWidth?: number }) {
  return (
    <ReportBarChart
      title="Emissions by scope, location- vs market-based"
      unit={UNIT}
      rows={toRows(rows)}
      series={LB_MB}
      testId="report-scope-chart"
      fixedWidth={fixedWidth}
      height={fixedWidth ? 220 : 260}
    />
  );
}

/** Monthly trend and phase breakdown, LB vs MB side by side (the tables are the accessible alternative). */
export function ReportCharts({
  monthly,
  byPhase,
  fixedWidth,
}: {
  monthly: TReportChartPoint[];
  byPhase: TReportChartPoint[];
  fixedWidth?: number;
}) {
  return (
    <div className={fixedWidth ? 'flex flex-col gap-4' : 'grid gap-6 lg:grid-cols-2'}>
      <ReportBarChart
        title="Monthly trend, location- vs market-based"
        unit={UNIT}
        rows={toRows(monthly)}
        series={LB_MB}
        testId="report-monthly-chart"
        fixedWidth={fixedWidth}
      />
      <ReportBarChart
        title="Breakdown by phase"
        unit={UNIT}
        rows={toRows(byPhase)}
        series={LB_MB}
        testId="report-phase-chart"
        fixedWidth={fixedWidth}
      />
    </div>
  );
}
