import { formatDay } from '@/lib/format/date-time';
import { formatNumber, formatTonnesCo2e } from '@/lib/format/quantities';
import { PLAN_STATUS_LABELS } from '@/lib/schemas/recommendation-plan';
import { getRealisedSavings } from '@/lib/server/insights/realised-savings';
import type { TPlanDto } from '@/lib/server/insights/recommendation-plans';
import { PlanForm } from './plan-form';

async function Realised({ ctx, plan }: { ctx: { orgId: string }; plan: TPlanDto }) {
  const r = await getRealisedSavings(ctx, plan);
  if (!r) {
    return <span className="text-slate-500">Measured once done.</span>;
  }
  if (r.status !== 'measured') {
    return <span>{r.method}</span>;
  }
  return (
    <div className="flex flex-col gap-1" data-testid="realised-savings">
      <strong className="tabular-nums">
        {r.savedKgCo2e >= 0 ? '−' : '+'}
        {formatNumber(Math.abs(r.savedKgCo2e))} kg CO₂e in {r.days} days (≈{' '}
        {formatTonnesCo2e(r.annualisedSavedKgCo2e)}/yr)
      </strong>
      <span className="text-xs text-slate-600 dark:text-slate-300">
        Before: {formatNumber(r.before.locationKgCo2e)} kg over {formatNumber(r.before.work)} {r.unit}s;
        after: {formatNumber(r.after.locationKgCo2e)} kg over {formatNumber(r.after.work)} {r.unit}s.{' '}
        {r.method}
      </span>
    </div>
  );
}

/** Every plan of the organisation with its status, owner, due date and (when done) realised savings. */
export function PlansTable({
  ctx,
  plans,
  owners,
  canPlan,
}: {
  ctx: { orgId: string };
  plans: TPlanDto[];
  owners: { userId: string; name: string }[];
  canPlan: boolean;
}) {
  return (
    <ul className="flex flex-col gap-3" aria-label="Plans">
      {plans.map((p) => (
        <li
          key={p.id}
          className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900"
          data-testid="plan"
        >
          <p className="font-medium">{p.title}</p>
          <p>
            Status: <strong>{PLAN_STATUS_LABELS[p.status]}</strong> · owner {p.ownerName ?? 'none'} · due{' '}
            {p.dueDate ?? '—'}
            {p.completedAt ? ` · completed ${formatDay(p.completedAt)}` : ''} · estimated −
            {formatTonnesCo2e(p.estimatedAnnualKgCo2e)}/yr
          </p>
          <Realised ctx={ctx} plan={p} />
          {canPlan ? (
            <PlanForm
              recommendationKey={p.recommendationKey}
              title={p.title}
              owners={owners}
              current={{
                ownerUserId: p.ownerUserId,
                status: p.status,
                dueDate: p.dueDate,
                completedOn: p.completedAt ? p.completedAt.toISOString().slice(0, 10) : null,
              }}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
