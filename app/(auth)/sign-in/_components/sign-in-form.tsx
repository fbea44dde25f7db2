'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import { signInAction } from '../actions';

export function SignInForm() {
  const [state, formAction, pending] = useActionState<TActionState, FormData>(signInAction, { ok: true });
  const emailError = state.fieldErrors?.email?.[0];
  const passwordError = state.fieldErrors?.password?.[0];
  return (
    <Card>
      <CardContent className="py-6">
        <form action={formAction} className="flex flex-col gap-4" noValidate>
          {state.message && !state.fieldErrors ? <Alert tone="error">{state.message}</Alert> : null}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="email">Email</Label>
            <Input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              required
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
