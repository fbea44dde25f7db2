import type { Metadata } from 'next';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { hasPermission } from '@/lib/auth/roles';
import { formatRange } from '@/lib/dashboard/date-range';
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
        <ol className="flex flex-col gap-3" aria-label="Recommendations, largest saving first">
          {list.recommendations.map((rec, i) => (
            <RecommendationItem
              key={rec.key}
              rank={i + 1}
              rec={rec}
              plan={planByKey.get(rec.key)}
              owners={owners}
              canPlan={canPlan}
            />
          ))}
        </ol>
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
