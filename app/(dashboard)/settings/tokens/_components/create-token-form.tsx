'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import { createApiTokenAction, type TCreatedTokenData } from '../actions';

export function CreateTokenForm() {
  const [state, formAction, pending] = useActionState<TActionState<TCreatedTokenData>, FormData>(
    createApiTokenAction,
    { ok: true },
  );
  const nameError = state.fieldErrors?.name?.[0];
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col gap-1.5">
          <Label htmlFor="token-name">Name</Label>
          <Input
            id="token-name"
            name="name"
            placeholder="e.g. training-cluster-eu"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'token-name-error' : undefined}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </Button>
      </form>
      {nameError ? (
        <p id="token-name-error" className="text-xs text-red-700">
          {nameError}
        </p>
      ) : null}
      {!state.ok && state.message && !nameError ? <Alert tone="error">{state.message}</Alert> : null}
      {state.ok && state.data ? (
        <Alert tone="success">
          <p className="font-medium">
            Token “{state.data.name}” created. Copy it now; it will not be shown again.
          </p>
          <code
            data-testid="new-token"
            className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900"
          >
            {state.data.token}
          </code>
        </Alert>
      ) : null}
    </div>
  );
}
