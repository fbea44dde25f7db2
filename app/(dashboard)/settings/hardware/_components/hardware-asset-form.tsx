'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import { createHardwareAssetAction } from '../actions';

export interface TCatalogOption {
  id: string;
  name: string;
  embodiedKgCo2e: number;
}

const FIELDS = [
  { name: 'name', label: 'Name', placeholder: 'e.g. Frankfurt H100 nodes', type: 'text' },
  {
    name: 'hardwareType',
    label: 'Hardware type (if not in the catalog)',
    placeholder: 'e.g. 2U CPU server',
    type: 'text',
  },
  { name: 'unitCount', label: 'Units', placeholder: '16', type: 'number' },
  { name: 'purchasedOn', label: 'Purchase date', placeholder: '', type: 'date' },
  {
    name: 'embodiedKgCo2ePerUnit',
    label: 'Embodied kg CO2e per unit (blank: catalog)',
    placeholder: '164',
    type: 'number',
  },
  {
    name: 'embodiedSource',
    label: 'Source of the embodied figure',
    placeholder: 'e.g. supplier PCF 2025',
    type: 'text',
  },
  { name: 'expectedLifetimeYears', label: 'Expected lifetime (years)', placeholder: '4', type: 'number' },
  { name: 'location', label: 'Location', placeholder: 'e.g. DE / Frankfurt colocation', type: 'text' },
  { name: 'retiredOn', label: 'Retirement date (optional)', placeholder: '', type: 'date' },
] as const;

/** Adds an owned asset: a catalog accelerator (embodied figure copied with its source) or an explicit figure. */
export function HardwareAssetForm({ catalog }: { catalog: TCatalogOption[] }) {
  const [state, action, pending] = useActionState<TActionState, FormData>(createHardwareAssetAction, {
    ok: true,
  });
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form
      action={action}
      className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3"
      aria-label="Add hardware asset"
    >
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="hw-acceleratorId">Catalog accelerator</Label>
        <select
          id="hw-acceleratorId"
          name="acceleratorId"
          defaultValue=""
          className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          <option value="">None (give type and figure)</option>
          {catalog.map((a) => (
            <option key={a.id} value={a.id}>
              {`${a.name} (${a.embodiedKgCo2e} kg CO2e)`}
            </option>
          ))}
        </select>
      </div>
      {FIELDS.map((f) => (
        <div key={f.name} className="flex flex-col gap-1.5">
          <Label htmlFor={`hw-${f.name}`}>{f.label}</Label>
          <Input
            id={`hw-${f.name}`}
            name={f.name}
            type={f.type}
            step={f.type === 'number' ? 'any' : undefined}
            placeholder={f.placeholder}
            defaultValue={f.name === 'expectedLifetimeYears' ? '4' : undefined}
            aria-invalid={error(f.name) ? true : undefined}
            aria-describedby={error(f.name) ? `hw-${f.name}-error` : undefined}
          />
          {error(f.name) ? (
            <p id={`hw-${f.name}-error`} className="text-xs text-red-700">
              {error(f.name)}
            </p>
          ) : null}
        </div>
      ))}
      <div className="flex items-end">
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add asset'}
        </Button>
      </div>
      {state.message ? (
        <div className="sm:col-span-2 xl:col-span-3">
          <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>
        </div>
      ) : null}
    </form>
  );
}
