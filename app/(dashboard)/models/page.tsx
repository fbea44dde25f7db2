import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { hasPermission } from '@/lib/auth/roles';
import { formatRange } from '@/lib/dashboard/date-range';
import { buildModelFamilies } from '@/lib/dashboard/model-families';
import type { TSearchParams } from '@/lib/schemas/dashboard-filters';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { findFilterOptions } from '@/lib/server/dashboard/dashboard-options';
import { findLifecycleInputs } from '@/lib/server/dashboard/model-lifecycle';
import { findModelLineages } from '@/lib/server/usage/model-lineages';
import { loadDashboardQuery, type TDashboardQuery } from '../_components/dashboard-query';
import { PanelSkeleton } from '../_components/panel-skeleton';
import { FamilyCard } from './_components/family-card';
import { LineageForm } from './_components/lineage-form';

export const metadata: Metadata = { title: 'Model lifecycle' };

async function Lifecycles({ query }: { query: TDashboardQuery }) {
  const [{ runs, inference }, lineages] = await Promise.all([
    findLifecycleInputs(query.ctx, query.filters, query.range),
    findModelLineages(query.ctx),
  ]);
  const families = buildModelFamilies(runs, inference, lineages);
  if (families.length === 0) {
    return <EmptyState title="No model records match">Records need a model name to appear here.</EmptyState>;
  }
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
      {families.map((f) => (
        <FamilyCard key={f.family} family={f} />
      ))}
    </div>
  );
}

export default async function ModelsPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const ctx = await requirePageAuth('read');
  const params = await searchParams;
  // A lifecycle is "to date": all time unless the URL asks for a range.
  const [query, options] = await Promise.all([
    loadDashboardQuery(ctx, { range: 'all', ...params }),
    findFilterOptions(ctx),
  ]);
  return (
    <>
      <PageHeader
        title="Model lifecycle"
        description={`Cumulative footprint per model family, ${formatRange(query.range)}: training of the base models, each fine-tune or retrain, and inference of every member (lineage from Settings below).`}
      />
      <FilterBar filters={query.filters} options={options} defaultRange="all" />
      <Suspense
        key={JSON.stringify(query.filters)}
        fallback={<PanelSkeleton height="h-[600px]" label="model lifecycles" />}
      >
        <Lifecycles query={query} />
      </Suspense>
      {hasPermission(ctx.role, 'writeUsage') ? (
        <section aria-labelledby="lineage-title" className="flex flex-col gap-2">
          <h2 id="lineage-title" className="text-sm font-semibold">
            Model lineage
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Group models into families and link a fine-tune to its base model; undeclared models form their
            own family, and a model with a declared base inherits the base&apos;s family.
          </p>
          <LineageForm models={options.model.map((o) => o.value)} />
        </section>
      ) : null}
    </>
  );
}
