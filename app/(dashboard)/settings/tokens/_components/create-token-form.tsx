'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { selectClass } from '@/components/ui/select-class';
import type { TActionState } from '@/lib/action-state';
import { TOKEN_SCOPE_LABELS, TOKEN_SCOPES } from '@/lib/auth/token-scopes';
import { createApiTokenAction, type TCreatedTokenData } from '../actions';

export function CreateTokenForm() {
  const [state, formAction, pending] = useActionState<TActionState<TCreatedTokenData>, FormData>(
    createApiTokenAction,
    { ok: true },
  );
  const nameError = state.fieldErrors?.name?.[0];
  const scopesError = state.fieldErrors?.scopes?.[0];
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
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="token-expiry">Expires</Label>
          <select id="token-expiry" name="expiresInDays" defaultValue="90" className={selectClass}>
            <option value="7">in 7 days</option>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in 1 year</option>
            <option value="">never</option>
          </select>
        </div>
        <fieldset
          className="flex basis-full flex-col gap-1.5"
          aria-describedby={scopesError ? 'token-scopes-error' : undefined}
        >
          <legend className="mb-1 text-sm font-medium">Scopes (the token never exceeds your role)</legend>
          {TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'read'} />
              <code className="font-mono text-xs">{scope}</code>
              <span className="text-slate-500">{TOKEN_SCOPE_LABELS[scope]}</span>
            </label>
          ))}
          {scopesError ? (
            <p id="token-scopes-error" className="text-xs text-red-700">
              {scopesError}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </Button>
      </form>
      {nameError ? (
        <p id="token-name-error" className="text-xs text-red-700">
          {nameError}
        </p>
      ) : null}
      {!state.ok && state.message && !nameError && !scopesError ? (
        <Alert tone="error">{state.message}</Alert>
      ) : null}
      {state.ok && state.data ? (
        <Alert tone="success">
          <p className="font-medium">
            Token “{state.data.name}” created. Copy it now; it will not be shown again.
          </p>
          <p className="text-xs">
            Scopes: {state.data.scopes.join(', ')} · Expires:{' '}
            {state.data.expiresAt ? `${state.data.expiresAt.slice(0, 16).replace('T', ' ')} UTC` : 'never'}
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
