'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { TActionState } from '@/lib/action-state';
import { deleteHardwareAssetAction, retireHardwareAssetAction } from '../actions';

/** Retire (ends the amortisation memo) or delete (entered by mistake) one asset. */
export function AssetRowActions({ id, name, retired }: { id: string; name: string; retired: boolean }) {
  const [retireState, retire, retiring] = useActionState<TActionState, FormData>(retireHardwareAssetAction, {
    ok: true,
  });
  const [deleteState, remove, deleting] = useActionState<TActionState, FormData>(deleteHardwareAssetAction, {
    ok: true,
  });
  const message = retireState.message ?? deleteState.message;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {retired ? null : (
        <form action={retire} className="flex items-center gap-1">
          <input type="hidden" name="id" value={id} />
          <Input
            name="retiredOn"
            type="date"
            aria-label={`Retirement date for ${name}`}
            className="h-8 w-36"
          />
          <Button type="submit" variant="secondary" disabled={retiring} aria-label={`Retire ${name}`}>
            Retire
          </Button>
        </form>
      )}
      <form action={remove}>
        <input type="hidden" name="id" value={id} />
        <Button type="submit" variant="secondary" disabled={deleting} aria-label={`Delete ${name}`}>
          Delete
        </Button>
      </form>
      {message ? (
        <span role="status" className="text-xs text-slate-600">
          {message}
        </span>
      ) : null}
    </div>
  );
}
