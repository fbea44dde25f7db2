import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { formatRange } from '@/lib/dashboard/date-range';
import { quarterChoices } from '@/lib/dashboard/period-coverage';
import { formatDateTime } from '@/lib/format/date-time';
import { aiServiceLabel, phaseLabel } from '@/lib/format/labels';
import { placeLabel } from '@/lib/format/place-label';
import { formatNumber } from '@/lib/format/quantities';
import { dashboardFiltersToSearch, type TSearchParams } from '@/lib/schemas/dashboard-filters';
import {
  RECORDS_PAGE_SIZE,
  type TRecordSort,
  type TRecordsQuery,
  ZRecordsQuery,
} from '@/lib/schemas/records-query';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { findFilterOptions } from '@/lib/server/dashboard/dashboard-options';
import { aiServiceNames } from '@/lib/server/usage/ai-service-options';
import { findUsageRecordsPage } from '@/lib/server/usage/usage-record-list';
import { loadDashboardQuery, type TDashboardQuery } from '../_components/dashboard-query';
import { PanelSkeleton } from '../_components/panel-skeleton';
import { SwitchModelCard } from '../_components/switch-model-card';
import { WhatIfCard } from '../_components/what-if-card';

export const metadata: Metadata = { title: 'Records' };

const COLUMNS: { label: string; sort?: TRecordSort; numeric?: boolean }[] = [
  { label: 'Started (UTC)', sort: 'started_at' },
  { label: 'Phase', sort: 'phase' },
  { label: 'Model', sort: 'model' },
  { label: 'Team · project' },
  { label: 'Where' },
  { label: 'AI service' },
  { label: 'Facility kWh', sort: 'facility_energy_kwh', numeric: true },
  { label: 'Location kg CO₂e', sort: 'location_kg_co2e', numeric: true },
  { label: 'Market kg CO₂e', sort: 'market_kg_co2e', numeric: true },
  { label: 'Basis' },
];

function href(query: TDashboardQuery, list: TRecordsQuery, change: Partial<TRecordsQuery>): string {
  const params = dashboardFiltersToSearch(query.filters);
  const next = { ...list, ...change };
  params.set('sort', next.sort);
  params.set('dir', next.dir);
  if (next.page > 1) {
    params.set('page', String(next.page));
  }
  if (next.upload) {
    params.set('upload', next.upload);
  }
  return `/records?${params}`;
}

async function RecordsTable({
  query,
  list,
  labels,
}: {
  query: TDashboardQuery;
  list: TRecordsQuery;
  labels: ReadonlyMap<string, string>;
}) {
  const { rows, total, totals } = await findUsageRecordsPage(query.ctx, query.filters, query.range, list);
  // The record page's "← All records" comes back to this very list (filters, sort, page).
  const back = encodeURIComponent(href(query, list, {}));
  if (total === 0) {
    return <EmptyState title="No records match">Widen the date range or clear some filters.</EmptyState>;
  }
  const pages = Math.max(1, Math.ceil(total / RECORDS_PAGE_SIZE));
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
        <table className="w-full min-w-[960px] text-left text-sm" data-testid="records-table">
          <caption className="sr-only">
            Usage records, page {list.page} of {pages}, sorted by {list.sort} {list.dir}
          </caption>
          <thead>
            <tr className="border-b border-slate-200 text-xs text-slate-500 dark:border-slate-700">
              {COLUMNS.map((c) => {
                const active = c.sort === list.sort;
                return (
                  <th
                    key={c.label}
                    scope="col"
                    aria-sort={active ? (list.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    className={`px-3 py-2 font-medium ${c.numeric ? 'text-right' : ''}`}
                  >
                    {c.sort ? (
                      <Link
                        href={href(query, list, {
                          sort: c.sort,
                          dir: active && list.dir === 'desc' ? 'asc' : 'desc',
                          page: 1,
                        })}
                        className="hover:underline"
                      >
                        {c.label}
                        {active ? (list.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                      </Link>
                    ) : (
                      c.label
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 dark:border-slate-800">
                <td className="px-3 py-1.5 whitespace-nowrap">
                  <Link
                    href={`/records/${r.id}?back=${back}`}
                    className="text-brand-700 hover:underline dark:text-brand-500"
                  >
                    {formatDateTime(r.startedAt)}
                  </Link>
                </td>
                <td className="px-3 py-1.5">{phaseLabel(r.phase)}</td>
                <td className="px-3 py-1.5">{r.model ?? '—'}</td>
                <td className="px-3 py-1.5">
                  {r.team ?? '—'} · {r.project ?? '—'}
                </td>
                <td className="px-3 py-1.5">{placeLabel({ provider: r.provider, region: r.region })}</td>
                <td className="px-3 py-1.5">{r.aiService ? aiServiceLabel(r.aiService, labels) : '—'}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(r.facilityEnergyKwh)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(r.locationKgCo2e)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(r.marketKgCo2e)}</td>
                <td className="px-3 py-1.5 text-xs">{r.isMeasured ? 'measured' : 'estimated'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr
              className="border-t-2 border-slate-300 font-medium dark:border-slate-600"
              data-testid="records-totals"
            >
              <th scope="row" colSpan={COLUMNS.length - 4} className="px-3 py-2 text-left">
                Total, {total.toLocaleString('en-GB')} records (all pages)
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(totals.facilityEnergyKwh)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(totals.locationKgCo2e)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(totals.marketKgCo2e)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p data-testid="records-count">
          {total.toLocaleString('en-GB')} records · page {list.page} of {pages}
        </p>
        <div className="flex gap-2">
          {list.page > 1 ? (
            <Link
              className="rounded-md border border-slate-300 px-3 py-1 dark:border-slate-600"
              href={href(query, list, { page: list.page - 1 })}
            >
              Previous
            </Link>
          ) : null}
          {list.page < pages ? (
            <Link
              className="rounded-md border border-slate-300 px-3 py-1 dark:border-slate-600"
              href={href(query, list, { page: list.page + 1 })}
            >
              Next
            </Link>
          ) : null}
        </div>
      </nav>
    </div>
  );
}

export default async function RecordsPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const ctx = await requirePageAuth('read');
  const params = await searchParams;
  const [query, options] = await Promise.all([loadDashboardQuery(ctx, params), findFilterOptions(ctx)]);
  const labels = aiServiceNames();
  const list = ZRecordsQuery.parse(params);
  const exportQuery = dashboardFiltersToSearch(query.filters).toString();
  return (
    <>
      <PageHeader
        title="Records"
        description={
          list.upload
            ? `Records created by one upload, overlapping ${formatRange(query.range)}.`
            : `Usage records overlapping ${formatRange(query.range)} (whole-record values).`
        }
        actions={
          <a
            href={`/records/export${exportQuery ? `?${exportQuery}` : ''}`}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
            download
          >
            Export CSV
          </a>
        }
      />
      <FilterBar
        filters={query.filters}
        options={options}
        quarters={quarterChoices(query.dataSpan, query.now, query.ctx.orgTimeZone)}
      />
      <Suspense
        key={JSON.stringify([query.filters, list])}
        fallback={<PanelSkeleton height="h-[600px]" label="records" />}
      >
        <RecordsTable query={query} list={list} labels={labels} />
      </Suspense>
      <WhatIfCard
        ctx={ctx}
        target={{ type: 'filters', query: exportQuery }}
        description="What-if for every record matching the filters above (whole records overlapping the range)."
        defaultPlace={{ provider: 'azure', region: 'swedencentral' }}
      />
      <SwitchModelCard ctx={ctx} query={exportQuery} />
    </>
  );
}
