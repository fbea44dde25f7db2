'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { selectClass } from '@/components/ui/select-class';
import type { TActionState } from '@/lib/action-state';
import { PROVIDER_LABELS } from '@/lib/format/provider-label';
import { PROVIDERS } from '@/lib/schemas/usage-record';
import { saveNameAliasFormAction } from '../actions';

/** Adds a name mapping, or re-points an existing one (same kind and name), outside the upload flow. */
export function NameAliasForm() {
  const [state, formAction, pending] = useActionState<TActionState, FormData>(saveNameAliasFormAction, {
    ok: true,
  });
  const errors = state.fieldErrors ?? {};
  const field = (name: string) =>
    errors[name]?.[0] ? (
      <p id={`alias-${name}-error`} className="text-xs text-red-700 dark:text-red-400">
        {errors[name]?.[0]}
      </p>
    ) : null;
  return (
    <form action={formAction} aria-labelledby="alias-form-title" className="flex flex-col gap-3">
      <h3 id="alias-form-title" className="text-sm font-semibold">
        Add or change a mapping
      </h3>
      <fieldset disabled={pending} className="grid gap-3 sm:grid-cols-4">
        <div className="flex flex-col gap-1">
          <Label htmlFor="alias-kind">Kind</Label>
          <select id="alias-kind" name="kind" defaultValue="accelerator" className={selectClass}>
            <option value="accelerator">Accelerator</option>
            <option value="region">Region</option>
            <option value="model">AI model</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="alias-alias">Name in files</Label>
          <Input id="alias-alias" name="alias" placeholder="Lab H100 box" required />
          {field('alias')}
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="alias-target">Maps to</Label>
          <Input
            id="alias-target"
            name="target"
            placeholder="H100 SXM, eu-west-3, FR, gpt-4o-mini or 70B"
            required
          />
          {field('target')}
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="alias-provider">Provider of the region (optional)</Label>
          <select id="alias-provider" name="targetProvider" defaultValue="" className={selectClass}>
            <option value="">Any</option>
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save mapping'}
        </Button>
      </div>
      {!pending && state.message ? (
        <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>
      ) : null}
    </form>
  );
}
