'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useOptimistic, useTransition } from 'react';
import { humanizeCode, phaseLabel } from '@/lib/format/labels';
import { PROVIDER_LABELS } from '@/lib/format/provider-label';
import {
  DATE_RANGE_LABELS,
  DATE_RANGE_PRESETS,
  dashboardFiltersToSearch,
  FILTER_DIMENSIONS,
  parseDashboardFilters,
  type TDashboardFilters,
  type TDateRangePreset,
  type TFilterDimension,
} from '@/lib/schemas/dashboard-filters';
import { PHASES, PROVIDERS, type TProvider } from '@/lib/schemas/usage-record';
import type { TFilterOptions } from '@/lib/server/dashboard/dashboard-options';

const DIMENSION_LABELS: Record<TFilterDimension, string> = {
  team: 'Team',
  project: 'Project',
  model: 'Model',
  phase: 'Phase',
  region: 'Region',
  provider: 'Provider',
  aiService: 'AI service',
};

const FILTER_KEYS = ['range', 'from', 'to', 'quarter', 'basis', 'page', ...FILTER_DIMENSIONS];

/**
 * The dashboard filter bar: every change rewrites the URL with router.replace (shareable, bookmarkable); the
 * server pages re-render from the search params. Native controls only, so it is keyboard accessible.
 */
export function FilterBar({
  filters: serverFilters,
  options,
  defaultRange = 'last_12_months',
  quarters = [],
}: {
  filters: TDashboardFilters;
  options: TFilterOptions;
  /** Quarters to choose from for "A quarter…", newest first (lib/dashboard/period-coverage.ts `quarterChoices`). */
  quarters?: { key: string; label: string }[];
  /** The range a page shows without a `range` param (the Models page defaults to all time). */
  defaultRange?: TDateRangePreset;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const current = useSearchParams();
  const [pending, startTransition] = useTransition();
  // Controls show the new value at once while the server re-renders the page for the new URL.
  const [filters, setOptimisticFilters] = useOptimistic(serverFilters);

  const apply = (next: TDashboardFilters) => {
    const params = new URLSearchParams(current.toString());
    for (const key of FILTER_KEYS) {
      params.delete(key);
    }
    for (const [key, value] of dashboardFiltersToSearch(next, defaultRange)) {
      params.append(key, value);
    }
    const query = params.toString();
    startTransition(() => {
      setOptimisticFilters(next);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    });
  };

  const choices: Record<TFilterDimension, { value: string; label: string }[]> = {
    ...options,
    phase: PHASES.map((p) => ({ value: p, label: phaseLabel(p) })),
    provider: (options.provider.length ? options.provider.map((o) => o.value) : PROVIDERS).map((p) => ({
      value: p,
      label: PROVIDER_LABELS[p as TProvider] ?? humanizeCode(p),
    })),
  };

  const toggle = (dim: TFilterDimension, value: string, on: boolean) => {
    const values = new Set<string>(filters[dim]);
    if (on) {
      values.add(value);
    } else {
      values.delete(value);
    }
    apply({ ...filters, [dim]: [...values] } as TDashboardFilters);
  };

  const active = FILTER_DIMENSIONS.some((d) => filters[d].length > 0) || filters.range !== defaultRange;

  return (
    <search
      aria-label="Dashboard filters"
      aria-busy={pending}
      className="relative flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-500">Date range</span>
        <select
          value={filters.range}
          onChange={(e) => apply({ ...filters, range: e.target.value as TDashboardFilters['range'] })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
        >
          {DATE_RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {DATE_RANGE_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      {filters.range === 'quarter' && quarters.length > 0 ? (
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-500">Quarter</span>
          <select
            value={filters.quarter ?? quarters[1]?.key ?? quarters[0]?.key}
            onChange={(e) => apply({ ...filters, quarter: e.target.value })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
          >
            {quarters.map((q, i) => (
              <option key={q.key} value={q.key}>
                {i === 0 ? `${q.label} (to date)` : q.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {filters.range === 'custom' ? (
        <>
          <label className="flex flex-col gap-1">
            <span className="text-xs font-medium text-slate-500">From</span>
            <input
              type="date"
              value={filters.from ?? ''}
              onChange={(e) => apply({ ...filters, from: e.target.value || undefined })}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs font-medium text-slate-500">To (inclusive)</span>
            <input
              type="date"
              value={filters.to ?? ''}
              onChange={(e) => apply({ ...filters, to: e.target.value || undefined })}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            />
          </label>
        </>
      ) : null}
      {FILTER_DIMENSIONS.map((dim) => (
        <details key={dim} className="sm:relative" data-testid={`filter-${dim}`}>
          <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-1.5 dark:border-slate-600">
            {DIMENSION_LABELS[dim]}
            {filters[dim].length > 0 ? (
              <span className="ml-1 rounded bg-brand-600 px-1.5 text-xs text-white">
                {filters[dim].length}
              </span>
            ) : null}
          </summary>
          <fieldset className="absolute z-20 mt-1 max-h-72 min-w-56 overflow-auto max-sm:inset-x-3 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
            <legend className="sr-only">{DIMENSION_LABELS[dim]}</legend>
            {choices[dim].length === 0 ? <p className="px-2 py-1 text-slate-500">No values</p> : null}
            {choices[dim].map((o) => (
              <label
                key={o.value}
                className="flex items-center gap-2 rounded px-2 py-1 hover:bg-slate-50 dark:hover:bg-slate-800"
              >
                <input
                  type="checkbox"
                  checked={(filters[dim] as string[]).includes(o.value)}
                  onChange={(e) => toggle(dim, o.value, e.target.checked)}
                />
                {o.label}
              </label>
            ))}
          </fieldset>
        </details>
      ))}
      {active ? (
        <button
          type="button"
          onClick={() => apply(parseDashboardFilters({ range: defaultRange, basis: filters.basis }))}
          className="rounded-md px-3 py-1.5 text-brand-700 underline-offset-2 hover:underline dark:text-brand-500"
        >
          Reset filters
        </button>
      ) : null}
      {pending ? (
        <span role="status" className="text-xs text-slate-500">
          Updating…
        </span>
      ) : null}
    </search>
  );
}
