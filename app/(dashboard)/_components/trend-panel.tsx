import { EmissionsTrendChart } from '@/components/charts/emissions-trend-chart';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { TAuthContext } from '@/lib/auth/context';
import { buildPhaseTrend } from '@/lib/dashboard/build-phase-trend';
import { findMonthlyEmissionsByPhase, type TDateRange } from '@/lib/data/emission-summaries';

export async function TrendPanel({ ctx, range }: { ctx: TAuthContext; range: TDateRange }) {
  const rows = await findMonthlyEmissionsByPhase(ctx, range);
  return (
    <Card>
      <CardHeader>
        <CardTitle>CO₂e trend</CardTitle>
        <CardDescription>Where the footprint comes from, month by month.</CardDescription>
      </CardHeader>
      <CardContent>
        <EmissionsTrendChart series={buildPhaseTrend(rows)} />
      </CardContent>
    </Card>
  );
}

export function TrendPanelSkeleton() {
  return <div className="h-[430px] animate-pulse rounded-xl bg-slate-200/60" aria-hidden />;
}
