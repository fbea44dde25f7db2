'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
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
        <FormField id="webhook-url" label="Webhook URL" error={e.url}>
          <Input
            id="webhook-url"
            name="url"
            type="url"
            placeholder="https://hooks.example.com/aif"
            defaultValue={initial?.url ?? ''}
            {...fieldAria('webhook-url', e.url)}
          />
        </FormField>
        <FormField
          id="webhook-secret"
          label={`Signing secret ${initial ? `(stored: ${initial.secretHint}; empty keeps it)` : ''}`}
          error={e.secret}
        >
          <Input
            id="webhook-secret"
            name="secret"
            type="password"
            autoComplete="off"
            {...fieldAria('webhook-secret', e.secret)}
          />
        </FormField>
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
