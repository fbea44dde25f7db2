'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
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
      className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3"
      aria-label="Add hardware asset"
    >
      <FormField id="hw-acceleratorId" label="Catalog accelerator">
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
      </FormField>
      {FIELDS.map((f) => (
        <FormField key={f.name} id={`hw-${f.name}`} label={f.label} error={error(f.name)}>
          <Input
            id={`hw-${f.name}`}
            name={f.name}
            type={f.type}
            step={f.type === 'number' ? 'any' : undefined}
            placeholder={f.placeholder}
            defaultValue={f.name === 'expectedLifetimeYears' ? '4' : undefined}
            {...fieldAria(`hw-${f.name}`, error(f.name))}
          />
        </FormField>
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
