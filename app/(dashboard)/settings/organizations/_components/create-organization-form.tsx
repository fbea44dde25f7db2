'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import { createOrganizationAction } from '../actions';

export function CreateOrganizationForm() {
  const [state, formAction, pending] = useActionState<TActionState, FormData>(createOrganizationAction, {
    ok: true,
  });
  const nameError = state.fieldErrors?.name?.[0];
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <div className="flex min-w-64 flex-1 flex-col gap-1.5">
        <Label htmlFor="organization-name">Organisation name</Label>
        <Input
          id="organization-name"
          name="name"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? 'organization-name-error' : undefined}
        />
        {nameError ? (
          <p id="organization-name-error" className="text-xs text-red-700">
            {nameError}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create organisation'}
      </Button>
      {!state.ok && state.message && !nameError ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
