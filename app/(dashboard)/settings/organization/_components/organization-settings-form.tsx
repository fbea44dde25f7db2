'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TActionState } from '@/lib/action-state';
import { type TSettingsSaved, updateOrganizationSettingsAction } from '../actions';

interface TInitial {
  defaultBasis: 'direct' | 'lifecycle';
  embodiedLifetimeYears: number;
  carbonPricePerTonneCo2e: number | null;
  currency: string;
  electricityPricePerKwh: number | null;
  timeZone: string;
}

const selectClass =
  'h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-xs disabled:bg-slate-50';

function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.[0] ? (
    <p id={id} className="text-xs text-red-700">
      {errors[0]}
    </p>
  ) : null;
}

export function OrganizationSettingsForm({ canManage, initial }: { canManage: boolean; initial: TInitial }) {
  const [state, formAction, pending] = useActionState<TActionState<TSettingsSaved>, FormData>(
    updateOrganizationSettingsAction,
    { ok: true },
  );
  const errors = state.fieldErrors ?? {};
  const described = (field: string) => (errors[field] ? `${field}-error` : undefined);
  return (
    <form action={formAction} className="flex flex-col gap-5" aria-busy={pending}>
      {!canManage ? (
        <Alert tone="info">Read-only: only owners and admins can change organisation settings.</Alert>
      ) : null}
      <fieldset disabled={!canManage || pending} className="grid gap-5 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="defaultBasis">Default factor basis</Label>
          <select
            id="defaultBasis"
            name="defaultBasis"
            defaultValue={initial.defaultBasis}
            className={selectClass}
          >
            <option value="lifecycle">Life-cycle (upstream and construction included)</option>
            <option value="direct">Direct (combustion only, GHG Protocol Scope 2)</option>
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="embodiedLifetimeYears">Embodied lifetime (years)</Label>
          <Input
            id="embodiedLifetimeYears"
            name="embodiedLifetimeYears"
            type="number"
            min={1}
            max={15}
            step="0.5"
            defaultValue={initial.embodiedLifetimeYears}
            aria-invalid={errors.embodiedLifetimeYears ? true : undefined}
            aria-describedby={described('embodiedLifetimeYears')}
          />
          <FieldError id="embodiedLifetimeYears-error" errors={errors.embodiedLifetimeYears} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="carbonPricePerTonneCo2e">Internal carbon price per tonne CO2e</Label>
          <Input
            id="carbonPricePerTonneCo2e"
            name="carbonPricePerTonneCo2e"
            type="number"
            min={0}
            step="any"
            placeholder="none"
            defaultValue={initial.carbonPricePerTonneCo2e ?? ''}
            aria-invalid={errors.carbonPricePerTonneCo2e ? true : undefined}
            aria-describedby={described('carbonPricePerTonneCo2e')}
          />
          <FieldError id="carbonPricePerTonneCo2e-error" errors={errors.carbonPricePerTonneCo2e} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="electricityPricePerKwh">Electricity price per kWh (in the currency below)</Label>
          <Input
            id="electricityPricePerKwh"
            name="electricityPricePerKwh"
            type="number"
            min={0}
            max={100}
            step="any"
            placeholder="none"
            defaultValue={initial.electricityPricePerKwh ?? ''}
            aria-invalid={errors.electricityPricePerKwh ? true : undefined}
            aria-describedby={described('electricityPricePerKwh')}
          />
          <FieldError id="electricityPricePerKwh-error" errors={errors.electricityPricePerKwh} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="currency">Currency (ISO 4217) of every cost in the app</Label>
          <Input
            id="currency"
            name="currency"
            maxLength={3}
            defaultValue={initial.currency}
            aria-invalid={errors.currency ? true : undefined}
            aria-describedby={described('currency')}
          />
          <FieldError id="currency-error" errors={errors.currency} />
        </div>
        <div className="flex flex-col gap-1.5 sm:col-span-2">
          <Label htmlFor="timeZone">Time zone (IANA, used for quarters and reports)</Label>
          <Input
            id="timeZone"
            name="timeZone"
            defaultValue={initial.timeZone}
            placeholder="Europe/Paris"
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby={described('timeZone')}
          />
          <FieldError id="timeZone-error" errors={errors.timeZone} />
        </div>
      </fieldset>
      {canManage ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving and recomputing…' : 'Save settings'}
          </Button>
          {pending ? (
            <span role="status" className="text-sm text-slate-500">
              Recomputing records; this can take a few seconds…
            </span>
          ) : null}
        </div>
      ) : null}
      {!pending && state.message ? (
        <Alert tone={state.ok ? 'success' : 'error'}>{state.message}</Alert>
      ) : null}
    </form>
  );
}
