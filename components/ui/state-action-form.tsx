'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { TActionState } from '@/lib/action-state';

/**
 * A one-button form (delete, revoke) for a useActionState server action: hidden fields, the button, and the
 * action's refusal (role, not found) shown next to it instead of an error page.
 */
export function StateActionForm({
  action,
  fields,
  label,
  ariaLabel,
}: {
  action: (prev: TActionState, formData: FormData) => Promise<TActionState>;
  fields: Record<string, string>;
  label: string;
  ariaLabel: string;
}) {
  const [state, formAction, pending] = useActionState<TActionState, FormData>(action, { ok: true });
  return (
    <form action={formAction} className="flex items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant="danger" disabled={pending} aria-label={ariaLabel}>
        {label}
      </Button>
      {!state.ok && state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
