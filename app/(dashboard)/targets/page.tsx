import type { Metadata } from 'next';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { hasPermission } from '@/lib/auth/roles';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import { findBudgetBurnDowns } from '@/lib/server/targets/budget-burn-downs';
import { findTeamOptions } from '@/lib/server/targets/budgets';
import { findTargetProgress } from '@/lib/server/targets/target-progress';
import { BudgetForm } from './_components/budget-form';
import { BudgetTable } from './_components/budget-table';
import { TargetForm } from './_components/target-form';
import { TargetProgressCard } from './_components/target-progress-card';

export const metadata: Metadata = { title: 'Targets and budgets' };

type TSearch = Promise<{ editTarget?: string; editBudget?: string }>;

export default async function TargetsPage({ searchParams }: { searchParams: TSearch }) {
  const ctx = await requirePageAuth('read');
  const now = new Date();
  const [progress, burnDowns, teams, search] = await Promise.all([
    findTargetProgress(ctx, now),
    findBudgetBurnDowns(ctx, now),
    findTeamOptions(ctx),
    searchParams,
  ]);
  const canManage = hasPermission(ctx.role, 'manageOrganization');
  const editTarget = progress.find((p) => p.target.id === search.editTarget)?.target ?? null;
  const editBudget = burnDowns.find((b) => b.budget.id === search.editBudget)?.budget ?? null;
  return (
    <>
      <PageHeader
        title="Targets and budgets"
        description="Reduction targets with a linear trajectory from the base year, and team carbon budgets with alerts at 80 % and 100 %. Owners and admins manage them."
      />
      <section aria-labelledby="targets-heading" className="flex flex-col gap-4">
        <h2 id="targets-heading" className="text-lg font-semibold">
          Targets
        </h2>
        {progress.length === 0 ? (
          <EmptyState title="No targets yet">
            Set an organisation or team target: absolute tCO2e per quarter or year, or gCO2e per 1,000
            requests.
          </EmptyState>
        ) : (
          progress.map((p) => <TargetProgressCard key={p.target.id} progress={p} canManage={canManage} />)
        )}
        {canManage ? (
          <Card>
            <CardHeader>
              <CardTitle>{editTarget ? `Edit “${editTarget.name}”` : 'New target'}</CardTitle>
              <CardDescription>
                Leave the base value empty to compute it from the base year’s records (a quarterly target
                takes the year’s total / 4).
              </CardDescription>
            </CardHeader>
            <CardContent>
              <TargetForm
                key={editTarget?.id ?? 'new'}
                teams={teams}
                initial={editTarget}
                defaultBaseYear={now.getUTCFullYear() - 1}
              />
            </CardContent>
          </Card>
        ) : null}
      </section>
      <section aria-labelledby="budgets-heading" className="flex flex-col gap-4">
        <h2 id="budgets-heading" className="text-lg font-semibold">
          Team budgets
        </h2>
        <Card>
          <CardContent className="pt-4">
            {burnDowns.length === 0 ? (
              <p className="text-sm text-slate-500">No budgets yet.</p>
            ) : (
              <BudgetTable burnDowns={burnDowns} canManage={canManage} />
            )}
          </CardContent>
        </Card>
        {canManage ? (
          <Card>
            <CardHeader>
              <CardTitle>{editBudget ? `Edit budget of ${editBudget.teamName}` : 'New budget'}</CardTitle>
              <CardDescription>
                kg CO2e per quarter or year, for one team. Its burn-down appears on the overview.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <BudgetForm key={editBudget?.id ?? 'new'} teams={teams} initial={editBudget} />
            </CardContent>
          </Card>
        ) : null}
      </section>
    </>
  );
}
