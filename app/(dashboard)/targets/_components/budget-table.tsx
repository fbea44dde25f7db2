import { ScrollRegion } from '@/components/ui/scroll-region';
import { formatNumber } from '@/lib/format/quantities';
import type { TBudgetBurnDown } from '@/lib/server/targets/budget-burn-downs';
import { deleteBudgetAction } from '../actions';
import { EditDeleteButtons } from './edit-delete-buttons';

/** Team budgets with their current period's use (kg CO2e) and end-of-period projection. */
export function BudgetTable({ burnDowns, canManage }: { burnDowns: TBudgetBurnDown[]; canManage: boolean }) {
  return (
    <ScrollRegion label="Budget table">
      <table className="w-full text-sm">
        <caption className="sr-only">Team carbon budgets, current period</caption>
        <thead>
          <tr className="border-b text-left text-slate-500">
            <th scope="col" className="py-2 pr-4">
              Team
            </th>
            <th scope="col" className="py-2 pr-4">
              Period
            </th>
            <th scope="col" className="py-2 pr-4">
              Basis
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Budget (kg CO2e)
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Used (kg CO2e)
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Used
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Projected end
            </th>
            {canManage ? (
              <th scope="col" className="py-2">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {burnDowns.map(({ budget: b, period, burn }) => (
            <tr key={b.id} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-1.5 pr-4 text-left font-medium">
                {b.teamName}
              </th>
              <td className="py-1.5 pr-4">{period.key}</td>
              <td className="py-1.5 pr-4">{b.basis}-based</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{formatNumber(b.amountKgCo2e)}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{formatNumber(burn.actualKgCo2e)}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{burn.usedPct.toFixed(1)} %</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">
                {burn.projectedEndKgCo2e === null ? '–' : formatNumber(burn.projectedEndKgCo2e)}
              </td>
              {canManage ? (
                <td className="py-1.5">
                  <EditDeleteButtons
                    editHref={`/targets?editBudget=${b.id}`}
                    id={b.id}
                    deleteAction={deleteBudgetAction}
                    deleteLabel={`Delete budget of ${b.teamName}`}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
