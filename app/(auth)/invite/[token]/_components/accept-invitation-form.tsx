'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import { acceptAsExistingUserAction, acceptAsNewUserAction } from '../actions';

function Field({
  id,
  label,
  type = 'text',
  autoComplete,
  error,
}: {
  id: string;
  label: string;
  type?: string;
  autoComplete: string;
  error: string | undefined;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={id}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** New account (name + password twice) or existing account (its password), then accept. */
export function AcceptInvitationForm({ token, userExists }: { token: string; userExists: boolean }) {
  const [state, formAction, pending] = useActionState<TActionState, FormData>(
    userExists ? acceptAsExistingUserAction : acceptAsNewUserAction,
    { ok: true },
  );
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {!state.ok && state.message && !state.fieldErrors ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      {userExists ? (
        <Field
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password?.[0]}
        />
      ) : (
        <>
          <Field id="name" label="Your name" autoComplete="name" error={errors.name?.[0]} />
          <Field
            id="password"
            label="Choose a password"
            type="password"
            autoComplete="new-password"
            error={errors.password?.[0]}
          />
          <Field
            id="confirmPassword"
            label="Repeat the password"
            type="password"
            autoComplete="new-password"
            error={errors.confirmPassword?.[0]}
          />
        </>
      )}
      <Button type="submit" disabled={pending} className="mt-2">
        {pending ? 'Joining…' : userExists ? 'Sign in and join' : 'Create account and join'}
      </Button>
    </form>
  );
}
