'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { selectClass } from '@/components/ui/select-class';
import type { TActionState } from '@/lib/action-state';
import { inviteMemberAction, type TInvitationLink } from '../actions';

export function InviteForm({ roles }: { roles: readonly string[] }) {
  const [state, formAction, pending] = useActionState<TActionState<TInvitationLink>, FormData>(
    inviteMemberAction,
    { ok: true },
  );
  const emailError = state.fieldErrors?.email?.[0];
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col gap-1.5">
          <Label htmlFor="invite-email">Email</Label>
          <Input
            id="invite-email"
            name="email"
            type="email"
            autoComplete="off"
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? 'invite-email-error' : undefined}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="invite-role">Role</Label>
          <select id="invite-role" name="role" defaultValue="viewer" className={selectClass}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create invitation link'}
        </Button>
      </form>
      {emailError ? (
        <p id="invite-email-error" className="text-xs text-red-700">
          {emailError}
        </p>
      ) : null}
      {!state.ok && state.message && !emailError ? <Alert tone="error">{state.message}</Alert> : null}
      {state.ok && state.data ? (
        <Alert tone="success">
          <p className="font-medium">
            Invitation for {state.data.email} created. Send this link yourself (the app sends no mail); it is
            shown once, works once and expires {state.data.expiresAt.slice(0, 16).replace('T', ' ')} UTC.
          </p>
          <code
            data-testid="invitation-link"
            className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900"
          >
            {state.data.link}
          </code>
        </Alert>
      ) : null}
    </div>
  );
}
