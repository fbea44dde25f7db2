'use client';

import { useActionState, useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import { PLAN_STATUS_LABELS, PLAN_STATUSES, type TPlanStatus } from '@/lib/schemas/recommendation-plan';
import { planRecommendationAction } from '../actions';

const initial: TActionState = { ok: true };
const selectClass = 'h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:bg-slate-900';

export interface TPlanFormProps {
  recommendationKey: string;
  title: string;
  owners: { userId: string; name: string }[];
  current?: {
    ownerUserId: string | null;
    status: TPlanStatus;
    dueDate: string | null;
    completedOn: string | null;
  };
}

/** Owner, status, due date (and completion date when done) of one recommendation's plan. */
export function PlanForm({ recommendationKey, title, owners, current }: TPlanFormProps) {
  const id = useId();
  const [state, action, pending] = useActionState(planRecommendationAction, initial);
  const [status, setStatus] = useState<TPlanStatus>(current?.status ?? 'planned');
  // Enabled once hydrated: the selects are controlled and must be live before the form is sent.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const errors = Object.values(state.fieldErrors ?? {}).flat();
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" aria-label={`Plan: ${title}`}>
      <input type="hidden" name="recommendationKey" value={recommendationKey} />
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${id}-owner`}>Owner</Label>
        <select
          id={`${id}-owner`}
          name="ownerUserId"
          className={selectClass}
          defaultValue={current?.ownerUserId ?? ''}
        >
          <option value="">No owner</option>
          {owners.map((o) => (
            <option key={o.userId} value={o.userId}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${id}-status`}>Status</Label>
        <select
          id={`${id}-status`}
          name="status"
          className={selectClass}
          value={status}
          onChange={(e) => setStatus(e.target.value as TPlanStatus)}
        >
          {PLAN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PLAN_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${id}-due`}>Due date</Label>
        <Input
          id={`${id}-due`}
          name="dueDate"
          type="date"
          defaultValue={current?.dueDate ?? ''}
          className="w-40"
        />
      </div>
      {status === 'done' ? (
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-completed`}>Completed on</Label>
          <Input
            id={`${id}-completed`}
            name="completedOn"
            type="date"
            defaultValue={current?.completedOn ?? ''}
            className="w-40"
          />
        </div>
      ) : null}
      <Button type="submit" disabled={pending || !ready}>
        {pending ? 'Saving…' : current ? 'Update plan' : 'Plan it'}
      </Button>
      {state.message ? (
        <p role="status" className={state.ok ? 'text-sm text-emerald-700' : 'text-sm text-red-700'}>
          {state.message}
          {errors.length > 0 ? ` ${errors.join(' ')}` : ''}
        </p>
      ) : null}
    </form>
  );
}
