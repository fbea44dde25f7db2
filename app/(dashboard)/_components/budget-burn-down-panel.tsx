import Link from 'next/link';
import { BurnDownChart } from '@/components/charts/burn-down-chart';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { periodContaining } from '@/lib/emissions/calendar-periods';
import { formatNumber } from '@/lib/format/quantities';
import { findBudgetBurnDownInputs, toBudgetBurnDowns } from '@/lib/server/targets/budget-burn-downs';
import { overviewRead, type TDashboardQuery } from './dashboard-query';

/**
 * Burn-down cards of the team budgets' current periods; nothing when no budget is set. With a team filter, only
 * those teams' budgets (another team's budget beside a filtered overview reads as this team's).
 */
export async function BudgetBurnDownPanel({ query }: { query: TDashboardQuery }) {
  const { now } = query;
  // The stored inputs depend on `now` only through the current quarter and year (organisation calendar).
  const periods = (['quarter', 'year'] as const).map(
    (k) => periodContaining(now, k, query.ctx.orgTimeZone).key,
  );
  const inputs = await overviewRead(query, 'budget-burn-downs', periods, () =>
    findBudgetBurnDownInputs(query.ctx, now),
  );
  const teams = query.filters.team;
  const burnDowns = toBudgetBurnDowns(inputs, now).filter(
    ({ budget }) => teams.length === 0 || teams.includes(budget.teamSlug),
  );
  if (burnDowns.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="budgets-title" className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between">
        <h2 id="budgets-title" className="text-lg font-semibold">
          Carbon budgets
        </h2>
        <Link href="/targets" className="text-sm text-brand-700 underline">
          Targets and budgets
        </Link>
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        {burnDowns.map(({ budget: b, period, burn }) => (
          <Card key={b.id}>
            <CardHeader>
              <CardTitle>
                {b.teamName} · {period.key}
              </CardTitle>
              <CardDescription>
                {formatNumber(burn.actualKgCo2e)} of {formatNumber(b.amountKgCo2e)} kg CO₂e ({b.basis}-based)
                used: <strong>{burn.usedPct.toFixed(1)} %</strong> with {Math.round(burn.elapsedShare * 100)}{' '}
                % of the period elapsed. Projected at period end:{' '}
                {burn.projectedEndKgCo2e === null
                  ? '–'
                  : `${formatNumber(burn.projectedEndKgCo2e)} kg CO₂e (${burn.projectedUsedPct?.toFixed(0)} %)`}
                .
              </CardDescription>
            </CardHeader>
            <CardContent>
              <BurnDownChart
                title={`Budget burn-down, ${b.teamName}, ${period.key} (kg CO₂e, ${b.basis}-based)`}
                fileName={`budget-${b.teamName}-${period.key}.csv`}
                points={burn.points}
              />
            </CardContent>
          </Card>
        ))}
      </div>
    </section>
  );
}
