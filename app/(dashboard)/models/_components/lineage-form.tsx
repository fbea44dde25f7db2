'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import { saveModelLineageAction } from '../actions';

/** Declare which family a model belongs to and which model it was fine-tuned from. */
export function LineageForm({ models }: { models: string[] }) {
  const [state, action, pending] = useActionState<TActionState, FormData>(saveModelLineageAction, {
    ok: true,
  });
  return (
    <form action={action} aria-label="Model lineage" className="flex flex-wrap items-end gap-3">
      <datalist id="lineage-models">
        {models.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="lineage-model">Model</Label>
        <Input id="lineage-model" name="model" list="lineage-models" required className="w-56" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="lineage-family">Family</Label>
        <Input id="lineage-family" name="family" required className="w-44" />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="lineage-base">Base model (fine-tuned from)</Label>
        <Input id="lineage-base" name="baseModel" list="lineage-models" className="w-56" />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save lineage'}
      </Button>
      {state.message ? <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert> : null}
    </form>
  );
}
