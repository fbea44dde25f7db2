'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { TActionState } from '@/lib/action-state';
import { saveBudgetAction } from '../actions';
import { FormField, selectClass } from './form-field';

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
        <FormField id="budget-teamId" label="Team" errors={e.teamId}>
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
        <FormField id="budget-periodKind" label="Period" errors={e.periodKind}>
          <select
            id="budget-periodKind"
            name="periodKind"
            defaultValue={initial?.periodKind ?? 'quarter'}
            className={selectClass}
          >
            <option value="quarter">Per quarter</option>
            <option value="year">Per year</option>
          </select>
        </FormField>
        <FormField id="budget-basis" label="Basis" errors={e.basis}>
          <select
            id="budget-basis"
            name="basis"
            defaultValue={initial?.basis ?? 'location'}
            className={selectClass}
          >
            <option value="location">Location-based</option>
            <option value="market">Market-based</option>
          </select>
        </FormField>
        <FormField id="budget-amountKgCo2e" label="Budget (kg CO2e)" errors={e.amountKgCo2e}>
          <Input
            id="budget-amountKgCo2e"
            name="amountKgCo2e"
            type="number"
            step="any"
            min={0}
            defaultValue={initial?.amountKgCo2e ?? ''}
            aria-invalid={e.amountKgCo2e ? true : undefined}
            aria-describedby={e.amountKgCo2e ? 'budget-amountKgCo2e-error' : undefined}
          />
        </FormField>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : initial ? 'Save budget' : 'Create budget'}
        </Button>
        {initial ? (
          <Link href="/targets" className="text-sm text-brand-700 underline">
            Cancel editing
          </Link>
        ) : null}
      </div>
      {!pending && state.message ? (
        <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>
      ) : null}
    </form>
  );
}
