'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { selectClass } from '@/components/ui/select-class';
import type { TActionState } from '@/lib/action-state';
import { createEnergyContractAction } from '../actions';

const INSTRUMENTS = [
  ['PPA', 'Power purchase agreement (PPA)'],
  ['GO', 'Guarantee of origin'],
  ['REC', 'Renewable energy certificate (REC)'],
  ['GREEN_TARIFF', 'Green tariff'],
  ['SUPPLIER_RATE', 'Supplier-specific rate'],
] as const;

const FIELDS = [
  { name: 'reference', label: 'Reference', placeholder: 'e.g. PPA-2026-FR-01', type: 'text' },
  {
    name: 'marketZone',
    label: 'Market (grid zone or country)',
    placeholder: 'e.g. FR or US-CAL-CISO',
    type: 'text',
  },
  { name: 'periodStart', label: 'First day covered (UTC)', placeholder: '', type: 'date' },
  { name: 'periodEnd', label: 'Last day covered (UTC)', placeholder: '', type: 'date' },
  { name: 'volumeMwh', label: 'Volume (MWh)', placeholder: '250', type: 'number' },
  {
    name: 'gCo2ePerKwh',
    label: 'Emission rate (g CO₂e/kWh)',
    placeholder: '0 for renewable certificates',
    type: 'number',
  },
  { name: 'supplier', label: 'Supplier (optional)', placeholder: 'e.g. Hydro du Rhône', type: 'text' },
] as const;

/** Adds a contract (owners and admins); the server recomputes every record's market-based CO₂e. */
export function EnergyContractForm() {
  const [state, action, pending] = useActionState<TActionState, FormData>(createEnergyContractAction, {
    ok: true,
  });
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form
      action={action}
      className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4"
      aria-label="Add an energy contract"
    >
      <FormField id="contract-instrumentType" label="Instrument" error={error('instrumentType')}>
        <select
          id="contract-instrumentType"
          name="instrumentType"
          defaultValue="PPA"
          className={selectClass}
          {...fieldAria('contract-instrumentType', error('instrumentType'))}
        >
          {INSTRUMENTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </FormField>
      {FIELDS.map((f) => (
        <FormField key={f.name} id={`contract-${f.name}`} label={f.label} error={error(f.name)}>
          <Input
            id={`contract-${f.name}`}
            name={f.name}
            type={f.type}
            step={f.type === 'number' ? 'any' : undefined}
            min={f.type === 'number' ? 0 : undefined}
            placeholder={f.placeholder}
            {...fieldAria(`contract-${f.name}`, error(f.name))}
          />
        </FormField>
      ))}
      <div className="flex items-end">
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding and recomputing…' : 'Add contract'}
        </Button>
      </div>
      {state.message ? (
        <div className="sm:col-span-2 xl:col-span-4">
          <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>
        </div>
      ) : null}
    </form>
  );
}
