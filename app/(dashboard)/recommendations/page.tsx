import type { Metadata } from 'next';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { hasPermission } from '@/lib/auth/roles';
import { formatRange } from '@/lib/dashboard/date-range';
import { foldMinorRecommendations, MINOR_SHARE } from '@/lib/insights/fold-minor-recommendations';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { findPlanOwners, findRecommendationPlans } from '@/lib/server/insights/recommendation-plans';
import { findRecommendations } from '@/lib/server/insights/recommendations';
import { PlansTable } from './_components/plans-table';
import { RecommendationItem } from './_components/recommendation-item';

export const metadata: Metadata = { title: 'Recommendations' };

export default async function RecommendationsPage() {
  const ctx = await requirePageAuth('read');
  const [list, plans, owners] = [
    await findRecommendations(ctx),
    await findRecommendationPlans(ctx),
    await findPlanOwners(ctx),
  ];
  const canPlan = hasPermission(ctx.role, 'planInsights');
  const planByKey = new Map(plans.map((p) => [p.recommendationKey, p]));
  const { shown, minor } = foldMinorRecommendations(list.recommendations);
  const item = (rec: (typeof shown)[number], rank: number) => (
    <RecommendationItem
      key={rec.key}
      rank={rank}
      rec={rec}
      plan={planByKey.get(rec.key)}
      owners={owners}
      canPlan={canPlan}
    />
  );
  return (
    <>
      <PageHeader
        title="Recommendations"
        description={
          list.window
            ? `Estimated from ${list.totalRecords} records of the 12 months ${formatRange(list.window)}, ranked by location-based kg CO₂e saved per year. Suggestions can overlap: savings are not additive.`
            : 'No usage data yet.'
        }
      />
      {list.recommendations.length === 0 ? (
        <EmptyState title="No recommendations">
          Upload usage data to get ranked, sourced suggestions.
        </EmptyState>
      ) : (
        <>
          {shown.length > 0 ? (
            <ol className="flex flex-col gap-3" aria-label="Recommendations, largest saving first">
              {shown.map((rec, i) => item(rec, i + 1))}
            </ol>
          ) : null}
          {minor.length > 0 ? (
            <details className="rounded-xl border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
              <summary className="cursor-pointer px-4 py-3 text-sm font-medium">
                {`${minor.length} smaller ${minor.length === 1 ? 'one' : 'ones'}, each under ${MINOR_SHARE * 100} % of the total`}
              </summary>
              <ol
                className="flex flex-col gap-3 px-4 pb-4"
                aria-label="Smaller recommendations"
                start={shown.length + 1}
              >
                {minor.map((rec, i) => item(rec, shown.length + i + 1))}
              </ol>
            </details>
          ) : null}
        </>
      )}
      <section aria-labelledby="plans-title" className="flex flex-col gap-3">
        <h2 id="plans-title" className="text-lg font-semibold">
          Plans
        </h2>
        {plans.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing planned yet.</p>
        ) : (
          <PlansTable ctx={ctx} plans={plans} owners={owners} canPlan={canPlan} />
        )}
      </section>
    </>
  );
}
