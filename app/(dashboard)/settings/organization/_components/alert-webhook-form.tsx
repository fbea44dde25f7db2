'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import { saveAlertWebhookAction } from '../webhook-actions';

/** URL, signing secret (write-only) and on/off switch of the budget alert webhook. */
export function AlertWebhookForm({
  initial,
}: {
  initial: { url: string; enabled: boolean; secretHint: string } | null;
}) {
  const [state, formAction, pending] = useActionState<TActionState, FormData>(saveAlertWebhookAction, {
    ok: true,
  });
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex flex-col gap-4" aria-label="Alert webhook">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="webhook-url">Webhook URL</Label>
          <Input
            id="webhook-url"
            name="url"
            type="url"
            placeholder="https://hooks.example.com/aif"
            defaultValue={initial?.url ?? ''}
            aria-invalid={e.url ? true : undefined}
            aria-describedby={e.url ? 'webhook-url-error' : undefined}
          />
          {e.url?.[0] ? (
            <p id="webhook-url-error" className="text-xs text-red-700">
              {e.url[0]}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="webhook-secret">
            Signing secret {initial ? `(stored: ${initial.secretHint}; empty keeps it)` : ''}
          </Label>
          <Input
            id="webhook-secret"
            name="secret"
            type="password"
            autoComplete="off"
            aria-invalid={e.secret ? true : undefined}
            aria-describedby={e.secret ? 'webhook-secret-error' : undefined}
          />
          {e.secret?.[0] ? (
            <p id="webhook-secret-error" className="text-xs text-red-700">
              {e.secret[0]}
            </p>
          ) : null}
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={initial?.enabled ?? false} />
        Send budget alerts to this webhook
      </label>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save webhook'}
        </Button>
      </div>
      {!pending && state.message ? (
        <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>
      ) : null}
    </form>
  );
}
