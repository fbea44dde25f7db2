import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { chooseBucket, formatRange } from '@/lib/dashboard/date-range';
import { dataCoverageNote, quarterChoices } from '@/lib/dashboard/period-coverage';
import type { TSearchParams } from '@/lib/schemas/dashboard-filters';
import { requirePageAuth, type TAuthContext } from '@/lib/server/access/auth-context';
import { findFilterOptions } from '@/lib/server/dashboard/dashboard-options';
import { RenderAbandonedError } from '@/lib/server/http/render-gate';
import { BreakdownPanels, TopEmittersPanel } from './_components/breakdown-panels';
import { BudgetBurnDownPanel } from './_components/budget-burn-down-panel';
import { enterOverviewRender, loadDashboardQuery, overviewRead } from './_components/dashboard-query';
import { EquivalencesCard } from './_components/equivalences-card';
import { KpiCards } from './_components/kpi-cards';
import { PanelSkeleton } from './_components/panel-skeleton';
import { ScopeSplitPanel } from './_components/scope-split-panel';
import { TokenIntensityPanel } from './_components/token-intensity-panel';
import { IntensityPanel, TrendPanels } from './_components/trend-panels';

export const metadata: Metadata = { title: 'Overview' };

const BUCKET_WORD = { day: 'daily', week: 'weekly', month: 'monthly' } as const;

/**
 * The shell (layout, header) streams at once; the body waits for a render slot (bounded per process, skipped
 * when the client has gone), reads the data version and resolves the query, then streams each panel as its
 * (cached per organisation data version) read resolves.
 */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const ctx = await requirePageAuth('read');
  return (
    <Suspense
      fallback={
        <>
          <PageHeader title="Overview" description={ctx.orgName} />
          <PanelSkeleton height="h-[120px]" label="key figures" />
        </>
      }
    >
      <OverviewBody ctx={ctx} searchParams={searchParams} />
    </Suspense>
  );
}

async function OverviewBody({
  ctx,
  searchParams,
}: {
  ctx: TAuthContext;
  searchParams: Promise<TSearchParams>;
}) {
  let signal: AbortSignal | undefined;
  try {
    signal = await enterOverviewRender();
  } catch (error) {
    // The client left while queued: render nothing for nobody (no error page, no stack in the log).
    if (error instanceof RenderAbandonedError) {
      return null;
    }
    throw error;
  }
  const query = await loadDashboardQuery(ctx, await searchParams, signal);
  const options = await overviewRead(query, 'filter-options', [], () => findFilterOptions(ctx));
  // Re-mount the panels when the filters change so each one shows its skeleton while it reloads.
  const key = JSON.stringify([query.filters, query.range]);
  return (
    <>
      <PageHeader
        title="Overview"
        description={`${ctx.orgName} · ${formatRange(query.range)} · ${BUCKET_WORD[chooseBucket(query.range)]} buckets`}
      />
      <FilterBar
        filters={query.filters}
        options={options}
        quarters={quarterChoices(query.dataSpan, query.now, query.ctx.orgTimeZone)}
      />
      <p className="-mt-2 text-xs text-slate-600 dark:text-slate-400" data-testid="data-coverage">
        {dataCoverageNote(query.range, query.dataSpan, query.ctx.orgTimeZone)}
      </p>
      {query.hasData ? (
        <div key={key} className="flex flex-col gap-6">
          <Suspense fallback={<PanelSkeleton height="h-[120px]" label="key figures" />}>
            <KpiCards query={query} />
          </Suspense>
          <Suspense fallback={<PanelSkeleton height="h-[260px]" label="emissions by scope" />}>
            <ScopeSplitPanel query={query} />
          </Suspense>
          <Suspense fallback={<PanelSkeleton height="h-[360px]" label="carbon budgets" />}>
            <BudgetBurnDownPanel query={query} />
          </Suspense>
          <Suspense fallback={<PanelSkeleton height="h-[430px]" label="trends" />}>
            <TrendPanels query={query} />
          </Suspense>
          <Suspense fallback={<PanelSkeleton height="h-[520px]" label="breakdowns" />}>
            <BreakdownPanels query={query} />
          </Suspense>
          <div className="grid gap-6 xl:grid-cols-3">
            <div className="xl:col-span-2">
              <Suspense fallback={<PanelSkeleton height="h-[420px]" label="top emitters" />}>
                <TopEmittersPanel query={query} />
              </Suspense>
            </div>
            <Suspense fallback={<PanelSkeleton height="h-[420px]" label="equivalences" />}>
              <EquivalencesCard query={query} />
            </Suspense>
          </div>
          <Suspense fallback={<PanelSkeleton height="h-[340px]" label="inference intensity" />}>
            <IntensityPanel query={query} />
          </Suspense>
          <Suspense fallback={<PanelSkeleton height="h-[240px]" label="intensity per 1M tokens" />}>
            <TokenIntensityPanel query={query} />
          </Suspense>
        </div>
      ) : (
        <EmptyState title="No usage recorded yet">
          Upload a CSV of training or inference usage, or push records from your jobs with an API token
          (Settings → API tokens). Charts appear here as soon as there is data.
        </EmptyState>
      )}
    </>
  );
}
