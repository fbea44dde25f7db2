import { AlertTriangle } from 'lucide-react';
import Link from 'next/link';
import { dismissBudgetAlertAction } from '@/app/(dashboard)/targets/alert-actions';
import { ActionForm } from '@/components/ui/action-form';
import { formatNumber } from '@/lib/format/quantities';
import type { TAuthContext } from '@/lib/server/access/auth-context';
import { findActiveBudgetAlerts } from '@/lib/server/targets/budget-alerts';

/**
 * Budget alerts of the current periods for the signed-in user, in the dashboard layout. Read-only: alerts are
 * evaluated by every write that changes figures (targets decision T4), never on render;
 * each banner can be dismissed (per user, stored).
 */
export async function BudgetAlertBanner({ ctx }: { ctx: TAuthContext }) {
  const alerts = await findActiveBudgetAlerts(ctx, new Date());
  if (alerts.length === 0) {
    return null;
  }
  return (
    // A labelled region, not role="alert": the banner is present on load, not a live change to announce.
    <section aria-label="Budget alerts" className="flex flex-col gap-2">
      {alerts.map((a) => (
        <div
          key={a.id}
          className={
            a.thresholdPct >= 100
              ? 'flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900'
              : 'flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900'
          }
        >
          <AlertTriangle aria-hidden className="size-4 shrink-0" />
          <p className="flex-1">
            <strong>
              {a.teamName}:{' '}
              {a.thresholdPct >= 100
                ? 'carbon budget exhausted'
                : `${a.thresholdPct} % of carbon budget used`}
            </strong>{' '}
            in {a.periodKey} ({formatNumber(a.actualKgCo2e)} of {formatNumber(a.budgetKgCo2e)} kg CO₂e,{' '}
            {a.basis}
            -based).{' '}
            <Link href="/targets" className="underline">
              See budgets
            </Link>
          </p>
          <ActionForm action={dismissBudgetAlertAction}>
            <input type="hidden" name="alertId" value={a.id} />
            <button
              type="submit"
              className="rounded border border-current px-2 py-0.5 text-xs"
              aria-label={`Dismiss budget alert for ${a.teamName}`}
            >
              Dismiss
            </button>
          </ActionForm>
        </div>
      ))}
    </section>
  );
}
