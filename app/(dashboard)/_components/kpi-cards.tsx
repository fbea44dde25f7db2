import { Card } from '@/components/ui/card';
import { formatRange, previousPeriod, relativeChange } from '@/lib/dashboard/date-range';
import { comparisonCoverage, type TComparisonCoverage } from '@/lib/dashboard/period-coverage';
import { measuredShare } from '@/lib/emissions/measured-share';
import { formatChange, MAX_PRINTED_CHANGE } from '@/lib/format/approximate';
import { formatMoney } from '@/lib/format/money';
import { formatCubicMetres, formatMwh, formatTonnesCo2e } from '@/lib/format/quantities';
import type { TKpiMetric } from '@/lib/server/dashboard/dashboard-totals';
import { getPanelTotals, type TDashboardQuery } from './dashboard-query';

const KPIS: { metric: TKpiMetric; label: string; format: (v: number) => string }[] = [
  { metric: 'facilityEnergyKwh', label: 'Facility energy', format: formatMwh },
  { metric: 'locationKgCo2e', label: 'Location-based', format: formatTonnesCo2e },
  { metric: 'marketKgCo2e', label: 'Market-based', format: formatTonnesCo2e },
  { metric: 'embodiedKgCo2e', label: 'Embodied (amortised)', format: formatTonnesCo2e },
  { metric: 'waterL', label: 'Water', format: formatCubicMetres },
];

/** Why no percentage: the two periods are not covered by data to the same extent (issue #23 "Periods"). */
function notComparableText(c: TComparisonCoverage): string {
  return `not comparable: data on ${c.current.coveredDays} of ${c.current.days} days vs ${c.previous.coveredDays} of ${c.previous.days} in the previous period`;
}

function Change({ change, coverage }: { change: number | null; coverage: TComparisonCoverage }) {
  if (!coverage.comparable) {
    return (
      <span className="text-slate-500" data-testid="kpi-not-comparable">
        {notComparableText(coverage)}
      </span>
    );
  }
  if (change === null) {
    return <span className="text-slate-500">no previous data</span>;
  }
  if (Math.abs(change) > MAX_PRINTED_CHANGE) {
    return <span className="text-slate-500">{formatChange(change)} vs previous period</span>;
  }
  const tone = change > 0 ? 'text-rose-700 dark:text-rose-400' : 'text-emerald-700 dark:text-emerald-400';
  return <span className={tone}>{formatChange(change)} vs previous period</span>;
}

function Kpi({
  label,
  value,
  change,
  coverage,
  hint,
}: {
  label: string;
  value: string;
  change: number | null;
  coverage: TComparisonCoverage;
  hint: string;
}) {
  return (
    <Card className="px-5 py-4" aria-label={label}>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-2 text-2xl font-semibold tabular-nums" data-testid="kpi-value">
        {value}
      </p>
      <p className="mt-1 text-xs">
        <Change change={change} coverage={coverage} />
      </p>
      <p className="mt-0.5 text-xs text-slate-500">{hint}</p>
    </Card>
  );
}

/**
 * KPI cards: totals over the range, change vs the previous period (the previous quarter for a quarter, as in the
 * report) when both are covered by data alike, the measured share (one definition, as in the report), carbon cost.
 */
export async function KpiCards({ query }: { query: TDashboardQuery }) {
  const { range, org } = query;
  const previousRange = previousPeriod(range);
  const [totals, previous] = await Promise.all([
    getPanelTotals(query, range),
    getPanelTotals(query, previousRange),
  ]);
  const coverage = comparisonCoverage(range, previousRange, query.dataSpan);
  const share = measuredShare(totals.measuredItEnergyKwh, totals.itEnergyKwh);
  const measuredHint = (m: TKpiMetric) =>
    totals.values[m] > 0 ? `vs ${formatRange(previousRange)}` : 'no data in range';
  const price = org?.carbonPricePerTonneCo2e ?? null;
  const currency = org?.currency ?? 'EUR';
  const money = (kg: number) => formatMoney((kg / 1000) * (price ?? 0), currency);
  return (
    <section aria-label="Key figures" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6">
      {KPIS.map((k) => (
        <Kpi
          key={k.metric}
          label={k.label}
          value={k.format(totals.values[k.metric])}
          change={relativeChange(totals.values[k.metric], previous.values[k.metric])}
          coverage={coverage}
          hint={measuredHint(k.metric)}
        />
      ))}
      <Kpi
        label="Carbon cost"
        value={price === null ? 'Not set' : money(totals.values.marketKgCo2e)}
        change={
          price === null ? null : relativeChange(totals.values.marketKgCo2e, previous.values.marketKgCo2e)
        }
        coverage={coverage}
        hint={
          price === null
            ? 'Set an internal carbon price in Organisation settings'
            : `Market-based tCO₂e × ${formatMoney(price, currency)}/t internal price`
        }
      />
      <p className="text-xs text-slate-600 sm:col-span-2 lg:col-span-3 2xl:col-span-6 dark:text-slate-400">
        <span data-testid="measured-share">
          {share === null
            ? 'No IT energy in this range'
            : `${formatPercentOneDecimal(share)} of IT energy measured`}
        </span>
        , the rest modelled from device power and hours (the same share as the report&apos;s data quality
        section).
      </p>
    </section>
  );
}

/** 0.149 → "14.9 %", the report's rounding of percentages (one decimal). */
function formatPercentOneDecimal(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)} %`;
}
