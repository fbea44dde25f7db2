import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { computeEquivalences } from '@/lib/emissions/equivalences';
import { formatApproxCount } from '@/lib/format/approximate';
import { formatNumber, formatTonnesCo2e } from '@/lib/format/quantities';
import { getPanelTotals, type TDashboardQuery } from './dashboard-query';

/** Illustrative equivalences of the location-based total; communication aid, never part of the inventory. */
export async function EquivalencesCard({ query }: { query: TDashboardQuery }) {
  const totals = await getPanelTotals(query, query.range);
  const kg = totals.values.locationKgCo2e;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Equivalences (illustrative)</CardTitle>
        <CardDescription>{formatTonnesCo2e(kg)} location-based is roughly the same as…</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-2 text-sm">
          {computeEquivalences(kg).map((e) => (
            <li key={e.id}>
              <span className="font-semibold tabular-nums">{formatApproxCount(e.quantity)}</span> {e.label}
              <span className="block text-xs text-slate-500">
                Source: {e.source} ({e.vintage}); {formatNumber(e.kgCo2ePerUnit)} kg CO₂e per {e.unit}.
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-xs text-slate-500">
          Illustrative only: equivalences help communicate scale and are not part of the reported inventory.
        </p>
      </CardContent>
    </Card>
  );
}
