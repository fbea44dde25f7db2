'use client';

import { useActionState } from 'react';
import { fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { TActionState } from '@/lib/action-state';
import { saveBudgetAction } from '../actions';
import { FormField, PeriodAndBasisFields, selectClass } from './form-field';
import { FormFooter } from './form-footer';

export interface TBudgetFormInitial {
  id: string;
  teamId: string;
  periodKind: string;
  basis: string;
  amountKgCo2e: number;
}

/** Create or edit a team carbon budget (kg CO2e per quarter or year). */
export function BudgetForm({
  teams,
  initial,
}: {
  teams: { id: string; name: string }[];
  initial: TBudgetFormInitial | null;
}) {
  const [state, formAction, pending] = useActionState<TActionState, FormData>(saveBudgetAction, { ok: true });
  const e = state.fieldErrors ?? {};
  return (
    <form
      action={formAction}
      className="flex flex-col gap-4"
      aria-label={initial ? 'Edit budget' : 'New budget'}
    >
      <input type="hidden" name="id" value={initial?.id ?? ''} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FormField id="budget-teamId" label="Team" error={e.teamId}>
          <select
            id="budget-teamId"
            name="teamId"
            defaultValue={initial?.teamId ?? ''}
            className={selectClass}
          >
            <option value="" disabled>
              Choose a team
            </option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </FormField>
        <PeriodAndBasisFields
          prefix="budget"
          errors={e}
          periodKind={initial?.periodKind ?? 'quarter'}
          basis={initial?.basis ?? 'location'}
        />
        <FormField id="budget-amountKgCo2e" label="Budget (kg CO2e)" error={e.amountKgCo2e}>
          <Input
            id="budget-amountKgCo2e"
            name="amountKgCo2e"
            type="number"
            step="any"
            min={0}
            defaultValue={initial?.amountKgCo2e ?? ''}
            {...fieldAria('budget-amountKgCo2e', e.amountKgCo2e)}
          />
        </FormField>
      </div>
      <FormFooter pending={pending} editing={initial !== null} noun="budget" state={state} />
    </form>
  );
}
