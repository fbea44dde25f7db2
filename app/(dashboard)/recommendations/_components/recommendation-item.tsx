import { formatMoney } from '@/lib/format/money';
import { formatNumber, formatShare, formatTonnesCo2e } from '@/lib/format/quantities';
import type { TRecommendation } from '@/lib/insights/recommendation-types';
import { PLAN_STATUS_LABELS } from '@/lib/schemas/recommendation-plan';
import type { TPlanDto } from '@/lib/server/insights/recommendation-plans';
import { PlanForm } from './plan-form';

/** A saving as a signed change: a saving (positive) shows as "−", an increase as "+"; float noise shows as 0. */
function change(saved: number, format: (v: number) => string): string {
  const v = Math.abs(saved) < 1e-9 ? 0 : saved;
  return `${v > 0 ? '−' : v < 0 ? '+' : ''}${format(Math.abs(v))}`;
}

/** One ranked recommendation: saving, share, confidence, assumptions, sources, and its plan (or a form to plan it). */
export function RecommendationItem({
  rank,
  rec,
  plan,
  owners,
  canPlan,
}: {
  rank: number;
  rec: TRecommendation;
  plan: TPlanDto | undefined;
  owners: { userId: string; name: string }[];
  canPlan: boolean;
}) {
  return (
    <li
      className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
      data-testid="recommendation"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">
          <span className="mr-2 text-slate-500">{rank}.</span>
          {rec.title}
        </h2>
        <p className="text-lg font-semibold tabular-nums text-emerald-700 dark:text-emerald-400">
          −{formatTonnesCo2e(rec.annualSavedKgCo2e)}/yr
        </p>
      </div>
      <p className="text-sm tabular-nums">
        {formatShare(rec.shareOfTotal)} of the organisation's location-based total · market-based{' '}
        {change(rec.annualSavedMarketKgCo2e, formatTonnesCo2e)}/yr · energy{' '}
        {change(rec.annualSavedEnergyKwh, formatNumber)} kWh/yr · water{' '}
        {change(rec.annualSavedWaterL, formatNumber)} L/yr
        {rec.currency
          ? ` · electricity cost ${change(rec.annualSavedCost, (v) => formatMoney(v, rec.currency ?? ''))}/yr`
          : ''}
        {rec.savedRangeKgCo2e
          ? ` · range ${formatTonnesCo2e(rec.savedRangeKgCo2e.low)} – ${formatTonnesCo2e(rec.savedRangeKgCo2e.high)}`
          : ''}
      </p>
      <p className="text-sm">
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium dark:bg-slate-800">
          {rec.label}
        </span>{' '}
        Confidence: <strong>{rec.confidence}</strong>
      </p>
      <details>
        <summary className="cursor-pointer text-sm font-medium">Assumptions and sources</summary>
        <ul className="ml-5 list-disc text-sm">
          {rec.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
        <p className="mt-1 text-sm font-medium">Sources</p>
        <ul className="ml-5 list-disc text-sm">
          {rec.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </details>
      {plan ? (
        <p className="text-sm" data-testid="recommendation-plan-status">
          Plan: <strong>{PLAN_STATUS_LABELS[plan.status]}</strong>
          {plan.ownerName ? ` · owner ${plan.ownerName}` : ''}
          {plan.dueDate ? ` · due ${plan.dueDate}` : ''} (see Plans below)
        </p>
      ) : canPlan ? (
        // Folded: one form per recommendation made the list a wall of inputs (issue #23).
        <details>
          <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-300">
            Plan this
          </summary>
          <div className="mt-2">
            <PlanForm recommendationKey={rec.key} title={rec.title} owners={owners} />
          </div>
        </details>
      ) : (
        <p className="text-sm text-slate-500">Not planned. Editors, admins and owners can plan it.</p>
      )}
    </li>
  );
}
