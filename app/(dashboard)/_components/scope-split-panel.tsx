import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatRange, previousPeriod } from '@/lib/dashboard/date-range';
import { comparisonCoverage } from '@/lib/dashboard/period-coverage';
import { hasSoldProducts, scopeRows } from '@/lib/dashboard/scope-split';
import { formatTonnesCo2e } from '@/lib/format/quantities';
import { getScopeSplit } from '@/lib/server/dashboard/dashboard-scopes';
import { overviewRead, type TDashboardQuery } from './dashboard-query';

const tonnes = (kg: number | null) => (kg === null ? 'n/a with filters' : formatTonnesCo2e(kg));

/**
 * Scope first, as the quarterly report's Table C: Scope 2 and Scope 3 Category 1 on both bases, the total, and
 * Category 2 (hardware bought) beside it; this range and the previous one (the previous quarter for a quarter).
 */
export async function ScopeSplitPanel({ query }: { query: TDashboardQuery }) {
  const { ctx, filters, range } = query;
  const previousRange = previousPeriod(range);
  const [current, previous] = await Promise.all([
    overviewRead(query, 'scopes', [filters, range], () => getScopeSplit(ctx, filters, range)),
    overviewRead(query, 'scopes', [filters, previousRange], () => getScopeSplit(ctx, filters, previousRange)),
  ]);
  const comparable = comparisonCoverage(range, previousRange, query.dataSpan).comparable;
  // The Cat 11 row shows in both periods when either has sold-product inference, so the columns stay aligned.
  const withSoldProducts = hasSoldProducts(current) || hasSoldProducts(previous);
  const before = scopeRows(previous, withSoldProducts);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Emissions by scope</CardTitle>
        <CardDescription>
          GHG Protocol placement, as in the quarterly report: owned hardware is Scope 2, cloud compute and AI
          services bought are Scope 3 Category 1, inference in products sold is Scope 3 Category 11. tCO₂e.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ScrollRegion label="Emissions by scope, table">
          <table className="w-full min-w-[520px] text-left text-sm" data-testid="scope-split">
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-500 dark:border-slate-700">
                <th scope="col" className="py-1.5 pr-4 font-medium">
                  Scope
                </th>
                <th scope="col" className="py-1.5 pr-4 text-right font-medium">
                  Location-based
                </th>
                <th scope="col" className="py-1.5 pr-4 text-right font-medium">
                  Market-based
                </th>
                <th scope="col" className="py-1.5 text-right font-medium">
                  Previous ({formatRange(previousRange)}), location-based
                </th>
              </tr>
            </thead>
            <tbody>
              {scopeRows(current, withSoldProducts).map((row, i) => (
                <tr
                  key={row.label}
                  className={`border-b border-slate-100 dark:border-slate-800 ${row.label === 'Total' ? 'font-semibold' : ''}`}
                >
                  <th scope="row" className="py-1.5 pr-4 font-normal">
                    {row.label}
                  </th>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{tonnes(row.locationKgCo2e)}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{tonnes(row.marketKgCo2e)}</td>
                  <td className="py-1.5 text-right tabular-nums text-slate-600 dark:text-slate-400">
                    {comparable ? tonnes(before[i]?.locationKgCo2e ?? null) : 'not comparable'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </CardContent>
    </Card>
  );
}
