import type { TQuarterAggregates } from './aggregate-types';
import type { TReportSection, TReportTable } from './report-model';
import { roundFor, toTonnes } from './rounding';
import type { TTargetsReportInput } from './targets-types';

const NO_NETTING = 'Removals and credits are not netted against any figure in this report.';

function targetsTable(input: TTargetsReportInput): TReportTable {
  return {
    id: 'targets-progress',
    title: 'Targets: progress vs linear trajectory',
    columns: [
      { key: 'label', label: 'Target · scope (period)' },
      { key: 'basis', label: 'Basis' },
      { key: 'unit', label: 'Unit' },
      { key: 'window', label: 'Records from–to' },
      { key: 'base', label: 'Base value' },
      { key: 'target', label: 'Target value' },
      { key: 'trajectory', label: 'Trajectory' },
      { key: 'actual', label: 'Actual' },
      { key: 'projected', label: 'Projected' },
      { key: 'gapPct', label: 'Gap vs trajectory', unit: '%' },
      { key: 'status', label: 'Status' },
      { key: 'records', label: 'Records', unit: 'records' },
    ],
    rows: input.targets.map((t) => ({
      label: `${t.name} · ${t.scope} (${t.periodKey})`,
      basis: `${t.basis}-based`,
      unit: t.unit,
      window: `${t.windowStart.slice(0, 10)} – ${t.windowEnd.slice(0, 10)}`,
      base: roundFor(t.baseValue, t.unit),
      target: roundFor(t.targetValue, t.unit),
      trajectory: roundFor(t.trajectoryValue, t.unit),
      actual: roundFor(t.actualValue, t.unit),
      projected: roundFor(t.projectedValue, t.unit),
      gapPct: roundFor(t.gapPct, '%'),
      status: t.complete ? t.status : `${t.status} (projected)`,
      records: t.records,
    })),
    note: 'Base value: computed from the base year’s records or entered, as shown on the Targets page. Trajectory: straight line from the base year to the target year, read at each period’s midpoint.',
  };
}

function budgetsTable(input: TTargetsReportInput): TReportTable {
  return {
    id: 'budgets-burn',
    title: 'Team carbon budgets',
    columns: [
      { key: 'label', label: 'Team (period)' },
      { key: 'basis', label: 'Basis' },
      { key: 'window', label: 'Records from–to' },
      { key: 'budget', label: 'Budget', unit: 'tCO2e' },
      { key: 'actual', label: 'Used', unit: 'tCO2e' },
      { key: 'usedPct', label: 'Used', unit: '%' },
      { key: 'alerts', label: 'Alerts' },
      { key: 'records', label: 'Records', unit: 'records' },
    ],
    rows: input.budgets.map((b) => ({
      label: `${b.team} (${b.periodKey})`,
      basis: `${b.basis}-based`,
      window: `${b.windowStart.slice(0, 10)} – ${b.windowEnd.slice(0, 10)}`,
      budget: roundFor(toTonnes(b.budgetKgCo2e), 'tCO2e'),
      actual: roundFor(toTonnes(b.actualKgCo2e), 'tCO2e'),
      usedPct: roundFor(b.usedPct, '%'),
      alerts: b.alertedPct.length ? b.alertedPct.map((p) => `${p} %`).join(', ') : 'none',
      records: b.records,
    })),
  };
}

/**
 * Section 9 (ESG report outline, docs/REPORTS.md): each organisation or team target active in the period with its progress
 * against the linear trajectory, and each team budget's burn. Empty configuration keeps the plain statement.
 */
export function buildTargetsSection(a: Pick<TQuarterAggregates, 'targets'>): TReportSection {
  const input = a.targets ?? { targets: [], budgets: [] };
  const tables: TReportTable[] = [];
  if (input.targets.length) {
    tables.push(targetsTable(input));
  }
  if (input.budgets.length) {
    tables.push(budgetsTable(input));
  }
  return {
    id: 'targets',
    number: '9',
    title: 'Targets and progress',
    paragraphs: tables.length
      ? [
          'Progress is measured on the same records and time-share rule as the rest of this report, on the basis each target states. An unfinished target period is judged on its projection at the current run rate.',
          NO_NETTING,
        ]
      : [`No reduction targets are configured for the organisation. ${NO_NETTING}`],
    tables,
  };
}
