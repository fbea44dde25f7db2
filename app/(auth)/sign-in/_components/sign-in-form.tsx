'use client';

import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import { signInAction } from '../actions';

/** `next`: the page to return to after signing in (checked again on the server). */
export function SignInForm({ next }: { next?: string }) {
  const [state, formAction, pending] = useActionState<TActionState, FormData>(signInAction, { ok: true });
  // Controlled, so a refused attempt (React resets uncontrolled fields after a form action) keeps the email.
  const [email, setEmail] = useState('');
  const emailError = state.fieldErrors?.email?.[0];
  const passwordError = state.fieldErrors?.password?.[0];
  return (
    <Card>
      <CardContent className="py-6">
        <form action={formAction} className="flex flex-col gap-4" noValidate>
          {next ? <input type="hidden" name="next" value={next} /> : null}
          {state.message && !state.fieldErrors ? <Alert tone="error">{state.message}</Alert> : null}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="email">Email</Label>
            <Input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? 'email-error' : undefined}
            />
            {emailError ? (
              <p id="email-error" className="text-xs text-red-700">
                {emailError}
              </p>
            ) : null}
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="password">Password</Label>
            <Input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? 'password-error' : undefined}
            />
            {passwordError ? (
              <p id="password-error" className="text-xs text-red-700">
                {passwordError}
              </p>
            ) : null}
          </div>
          <Button type="submit" disabled={pending} className="mt-2">
            {pending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
