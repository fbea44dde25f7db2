'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import type { TRecomputeCounts } from '@/lib/restatements/describe-recompute';

type TState = TActionState<TRecomputeCounts>;

export interface TOverrideField {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'date';
  placeholder?: string;
  options?: { value: string; label: string }[];
  defaultValue?: string;
}

const selectClass = 'h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-xs';

/** One override form: fields, submit with a pending state (the recomputation can take seconds), result. */
export function OverrideForm({
  id,
  title,
  fields,
  submitLabel,
  action,
}: {
  id: string;
  title: string;
  fields: TOverrideField[];
  submitLabel: string;
  action: (prev: TState, formData: FormData) => Promise<TState>;
}) {
  const [state, formAction, pending] = useActionState<TState, FormData>(action, { ok: true });
  const errors = state.fieldErrors ?? {};
  return (
    <form
      action={formAction}
      aria-labelledby={`${id}-title`}
      aria-busy={pending}
      className="flex flex-col gap-3"
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        {title}
      </h3>
      <fieldset disabled={pending} className="grid gap-3 sm:grid-cols-3">
        {fields.map((f) => {
          const fieldId = `${id}-${f.name}`;
          const error = errors[f.name]?.[0];
          return (
            <div key={f.name} className="flex flex-col gap-1">
              <Label htmlFor={fieldId}>{f.label}</Label>
              {f.options ? (
                <select id={fieldId} name={f.name} defaultValue={f.defaultValue} className={selectClass}>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <Input
                  id={fieldId}
                  name={f.name}
                  type={f.type ?? 'text'}
                  step={f.type === 'number' ? 'any' : undefined}
                  placeholder={f.placeholder}
                  defaultValue={f.defaultValue}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${fieldId}-error` : undefined}
                />
              )}
              {error ? (
                <p id={`${fieldId}-error`} className="text-xs text-red-700">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving and recomputing…' : submitLabel}
        </Button>
        {pending ? (
          <span role="status" className="text-sm text-slate-500">
            Recomputing records…
          </span>
        ) : null}
      </div>
      {!pending && state.message ? (
        <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>
      ) : null}
    </form>
  );
}
