'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { TActionState } from '@/lib/action-state';
import { deleteOverrideAction } from '../actions';

/** Deletes one override (the bundled factor applies again) and says how many results were restated. */
export function DeleteOverrideButton({ kind, id, label }: { kind: string; id: string; label: string }) {
  const [state, formAction, pending] = useActionState<TActionState, FormData>(deleteOverrideAction, {
    ok: true,
  });
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Delete override ${label}`}>
        {pending ? 'Deleting…' : 'Delete'}
      </Button>
      {state.message && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
