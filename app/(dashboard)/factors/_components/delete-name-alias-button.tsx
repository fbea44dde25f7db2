'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { TActionState } from '@/lib/action-state';
import { deleteNameAliasAction } from '../actions';

/** Deletes one name mapping; later uploads of the name need a new mapping (stored records are not recomputed by it). */
export function DeleteNameAliasButton({ id, alias }: { id: string; alias: string }) {
  const [state, formAction, pending] = useActionState<TActionState<{ id: string }>, FormData>(
    deleteNameAliasAction,
    { ok: true },
  );
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Delete mapping ${alias}`}>
        {pending ? 'Deleting…' : 'Delete'}
      </Button>
      {state.message && !state.ok ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
