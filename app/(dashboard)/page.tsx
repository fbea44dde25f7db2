import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { requirePageAuth } from '@/lib/auth/context';
import { getDataSpan } from '@/lib/data/emission-summaries';
import { KpiCards, KpiCardsSkeleton } from './_components/kpi-cards';
import { TrendPanel, TrendPanelSkeleton } from './_components/trend-panel';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const ctx = await requirePageAuth('read');
  const span = await getDataSpan(ctx);
  const rangeLabel = span
    ? `${span.from.toISOString().slice(0, 10)} to ${span.to.toISOString().slice(0, 10)}`
    : 'no data yet';
  return (
    <>
      <PageHeader title="Overview" description={`${ctx.orgName} · all usage records, ${rangeLabel}`} />
      {span ? (
        <>
          <Suspense fallback={<KpiCardsSkeleton />}>
            <KpiCards ctx={ctx} range={span} />
          </Suspense>
          <Suspense fallback={<TrendPanelSkeleton />}>
            <TrendPanel ctx={ctx} range={span} />
          </Suspense>
        </>
      ) : (
        <EmptyState title="No usage recorded yet">
          Upload a CSV of training or inference usage, or push records from your jobs with an API token
          (Settings → API tokens). Charts appear here as soon as there is data.
        </EmptyState>
      )}
    </>
  );
}
