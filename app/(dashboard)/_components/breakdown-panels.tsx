import Link from 'next/link';
import { BreakdownBars } from '@/components/charts/breakdown-bars';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { previousPeriod } from '@/lib/dashboard/date-range';
import { formatTonnesCo2e } from '@/lib/format/quantities';
import {
  dashboardFiltersToSearch,
  type TDashboardFilters,
  type TFilterDimension,
  withOnly,
} from '@/lib/schemas/dashboard-filters';
import {
  BREAKDOWN_DIMENSIONS,
  BREAKDOWN_FILTER,
  findBreakdowns,
  findTopEmitters,
  type TBreakdownDimension,
} from '@/lib/server/dashboard/dashboard-breakdowns';
import { overviewRead, type TDashboardQuery } from './dashboard-query';

const TITLES: Record<TBreakdownDimension, string> = {
  team: 'By team, tCO₂e',
  project: 'By project, tCO₂e',
  model: 'By model, tCO₂e',
  region: 'By region, tCO₂e',
  accelerator: 'By accelerator, tCO₂e',
  provider: 'By provider, tCO₂e',
  aiService: 'By AI service, tCO₂e',
};

export function recordsHref(
  filters: TDashboardFilters,
  dimension?: TFilterDimension,
  value?: string,
): string {
  const narrowed = dimension && value !== undefined ? withOnly(filters, dimension, value) : filters;
  const query = dashboardFiltersToSearch(narrowed).toString();
  return query ? `/records?${query}` : '/records';
}

/** Breakdowns by seven dimensions (AI service only with AI-service usage); each bar links to its records. */
export async function BreakdownPanels({ query }: { query: TDashboardQuery }) {
  const { ctx, filters, range } = query;
  const previousRange = previousPeriod(range);
  const [rows, previousRows] = await Promise.all([
    overviewRead(query, 'breakdowns', [filters, range], () => findBreakdowns(ctx, filters, range)),
    overviewRead(query, 'breakdowns', [filters, previousRange], () =>
      findBreakdowns(ctx, filters, previousRange),
    ),
  ]);
  const previous = new Map(previousRows.map((r) => [`${r.dimension}|${r.key}`, r.locationKgCo2e]));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Breakdowns</CardTitle>
        <CardDescription>
          Location-based CO₂e, with the change vs the previous period of equal length. Select a bar to see its
          records.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
        {BREAKDOWN_DIMENSIONS.map((dim) => {
          const filter = BREAKDOWN_FILTER[dim];
          // Without AI-service usage in the range the AI-service panel would be one "compute" bar: left out.
          if (dim === 'aiService' && !rows.some((r) => r.dimension === dim && r.key !== null)) {
            return null;
          }
          return (
            <BreakdownBars
              key={dim}
              title={TITLES[dim]}
              slug={dim}
              bars={rows
                .filter((r) => r.dimension === dim)
                .map((r) => ({
                  label: r.label,
                  valueT: r.locationKgCo2e / 1000,
                  previousT: (previous.get(`${r.dimension}|${r.key}`) ?? 0) / 1000,
                  href: filter && r.key !== null ? recordsHref(filters, filter, r.key) : null,
                }))}
            />
          );
        })}
      </CardContent>
    </Card>
  );
}

/** The ten largest emitters: single training/fine-tuning runs and inference deployments (per model). */
export async function TopEmittersPanel({ query }: { query: TDashboardQuery }) {
  const { ctx, filters, range } = query;
  const emitters = await overviewRead(query, 'top-emitters', [filters, range], () =>
    findTopEmitters(ctx, filters, range),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Top 10 emitters</CardTitle>
        <CardDescription>
          Training and fine-tuning runs, and inference deployments (all inference of a model).
        </CardDescription>
      </CardHeader>
      <CardContent className="overflow-x-auto">
        {emitters.length === 0 ? (
          <p className="text-sm text-slate-500">No training runs or deployments match the filters.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Top 10 emitters by location-based CO₂e</caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-500 dark:border-slate-700">
                <th scope="col" className="py-1 pr-4 font-medium">
                  #
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Emitter
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  Location-based
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  Market-based
                </th>
              </tr>
            </thead>
            <tbody>
              {emitters.map((e, i) => (
                <tr key={`${e.kind}-${e.key}`} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-1.5 pr-4 tabular-nums text-slate-500">{i + 1}</td>
                  <th scope="row" className="py-1.5 pr-4 font-normal">
                    <Link
                      className="text-brand-700 hover:underline dark:text-brand-500"
                      href={
                        e.kind === 'run'
                          ? `/records/${e.key}`
                          : recordsHref(withOnly(filters, 'phase', 'inference'), 'model', e.key)
                      }
                    >
                      {e.label}
                    </Link>
                    {e.kind === 'deployment' ? (
                      <span className="ml-2 text-xs text-slate-500">{e.records} records</span>
                    ) : null}
                  </th>
                  <td className="py-1.5 pr-4 text-right tabular-nums">
                    {formatTonnesCo2e(e.locationKgCo2e)}
                  </td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{formatTonnesCo2e(e.marketKgCo2e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}
