import { Card } from '@/components/ui/card';
import type { TAuthContext } from '@/lib/auth/context';
import { getFootprintTotals, type TDateRange } from '@/lib/data/emission-summaries';
import { formatCubicMetres, formatMwh, formatShare, formatTonnesCo2e } from '@/lib/format/quantities';

function Kpi({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Card className="px-5 py-4">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className="mt-2 text-2xl font-semibold tabular-nums">{value}</p>
      <p className="mt-1 text-xs text-slate-500">{hint}</p>
    </Card>
  );
}

export async function KpiCards({ ctx, range }: { ctx: TAuthContext; range: TDateRange }) {
  const totals = await getFootprintTotals(ctx, range);
  return (
    <section aria-label="Key figures" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
      <Kpi
        label="Facility energy"
        value={formatMwh(totals.facilityEnergyKwh)}
        hint={`${formatShare(totals.measuredEnergyShare)} of IT energy measured`}
      />
      <Kpi
        label="Location-based"
        value={formatTonnesCo2e(totals.locationKgCo2e)}
        hint="Scope 2, grid average"
      />
      <Kpi
        label="Market-based"
        value={formatTonnesCo2e(totals.marketKgCo2e)}
        hint="Scope 2, after contracts"
      />
      <Kpi
        label="Embodied (amortised)"
        value={formatTonnesCo2e(totals.embodiedKgCo2e)}
        hint="Management view, not inventory"
      />
      <Kpi
        label="Water"
        value={formatCubicMetres(totals.waterOnsiteL + totals.waterOffsiteL)}
        hint={`${formatCubicMetres(totals.waterOnsiteL)} on-site`}
      />
    </section>
  );
}

export function KpiCardsSkeleton() {
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5" aria-hidden>
      {['a', 'b', 'c', 'd', 'e'].map((k) => (
        <div key={k} className="h-[104px] animate-pulse rounded-xl bg-slate-200/60" />
      ))}
    </div>
  );
}
