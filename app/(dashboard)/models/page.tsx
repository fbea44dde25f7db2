import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { LifecycleChart } from '@/components/charts/lifecycle-chart';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageAuth } from '@/lib/auth/context';
import { formatRange } from '@/lib/dashboard/date-range';
import { buildModelLifecycles } from '@/lib/dashboard/model-lifecycle';
import { findFilterOptions } from '@/lib/data/dashboard-options';
import { findLifecycleInputs } from '@/lib/data/model-lifecycle';
import { formatShare, formatTonnesCo2e } from '@/lib/format/quantities';
import type { TSearchParams } from '@/lib/schemas/dashboard-filters';
import { loadDashboardQuery, type TDashboardQuery } from '../_components/dashboard-query';
import { PanelSkeleton } from '../_components/panel-skeleton';

export const metadata: Metadata = { title: 'Model lifecycle' };

async function Lifecycles({ query }: { query: TDashboardQuery }) {
  const { runs, inference } = await findLifecycleInputs(query.ctx, query.filters, query.range);
  const models = buildModelLifecycles(runs, inference);
  if (models.length === 0) {
    return <EmptyState title="No model records match">Records need a model name to appear here.</EmptyState>;
  }
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      {models.map((m) => {
        const total = m.trainingKgCo2e + m.fineTuningKgCo2e + m.inferenceKgCo2e;
        return (
          <Card key={m.model} data-testid={`lifecycle-${m.model}`}>
            <CardHeader>
              <CardTitle>{m.model}</CardTitle>
              <CardDescription>
                Training {formatTonnesCo2e(m.trainingKgCo2e)} · fine-tuning{' '}
                {formatTonnesCo2e(m.fineTuningKgCo2e)} · inference {formatTonnesCo2e(m.inferenceKgCo2e)}
              </CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-3">
              <p className="text-sm">
                {m.inferenceOvertookOn ? (
                  <>
                    Inference overtook training on <strong>{m.inferenceOvertookOn}</strong>.
                  </>
                ) : m.trainingKgCo2e > 0 ? (
                  'Inference has not yet overtaken training.'
                ) : (
                  'No training run recorded for this model in the range.'
                )}{' '}
                {m.retrainingKgCo2e > 0
                  ? `Retrains and fine-tunes after the first training run: ${formatTonnesCo2e(m.retrainingKgCo2e)} (${formatShare(total > 0 ? m.retrainingKgCo2e / total : 0)} of the model's total).`
                  : ''}
              </p>
              <LifecycleChart model={m.model} series={m.series} overtookOn={m.inferenceOvertookOn} />
              {m.runs.length > 0 ? (
                <details className="text-sm">
                  <summary className="cursor-pointer text-slate-600 dark:text-slate-400">
                    {m.runs.length} training and fine-tuning runs
                  </summary>
                  <ul className="mt-2 flex flex-col gap-1">
                    {m.runs.map((r) => (
                      <li key={r.id}>
                        <Link
                          href={`/records/${r.id}`}
                          className="text-brand-700 hover:underline dark:text-brand-500"
                        >
                          {r.day} · {r.phase.replace('_', '-')}
                        </Link>{' '}
                        {formatTonnesCo2e(r.locationKgCo2e)}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </CardContent>
          </Card>
        );
      })}
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
        description={`Cumulative footprint per model, ${formatRange(query.range)}: training, each fine-tune or retrain, and inference.`}
      />
      <FilterBar filters={query.filters} options={options} defaultRange="all" />
      <Suspense
        key={JSON.stringify(query.filters)}
        fallback={<PanelSkeleton height="h-[600px]" label="model lifecycles" />}
      >
        <Lifecycles query={query} />
      </Suspense>
    </>
  );
}
