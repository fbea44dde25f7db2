'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import { acceptInvitationAction } from '../actions';

function Field({
  id,
  label,
  type = 'text',
  autoComplete,
  required = true,
  error,
}: {
  id: string;
  label: string;
  type?: string;
  autoComplete: string;
  required?: boolean;
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
        required={required}
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

/**
 * The same form whether or not the invited email has an account (the page must not tell): an existing account
 * enters its password (name ignored); a new person chooses a name and a password. The server decides.
 */
export function AcceptInvitationForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState<TActionState, FormData>(acceptInvitationAction, {
    ok: true,
  });
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {!state.ok && state.message && !state.fieldErrors ? <Alert tone="error">{state.message}</Alert> : null}
      <p className="text-xs text-slate-600">
        Already have an account with this email? Enter its password. Otherwise choose a password (at least 10
        characters, not based on your email, not a common password) and your name: the account is created.
      </p>
      <input type="hidden" name="token" value={token} />
      <Field
        id="name"
        label="Your name (new account)"
        autoComplete="name"
        required={false}
        error={errors.name?.[0]}
      />
      <Field
        id="password"
        label="Password"
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
      <Button type="submit" disabled={pending} className="mt-2">
        {pending ? 'Joining…' : 'Join'}
      </Button>
    </form>
  );
}
