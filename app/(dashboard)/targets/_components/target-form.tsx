'use client';

import { useActionState } from 'react';
import { fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { TActionState } from '@/lib/action-state';
import { saveTargetAction } from '../actions';
import { FormField, PeriodAndBasisFields, selectClass } from './form-field';
import { FormFooter } from './form-footer';

export interface TTargetFormInitial {
  id: string;
  name: string;
  teamId: string | null;
  metric: string;
  basis: string;
  periodKind: string;
  baseYear: number;
  baseValue: number;
  baseValueSource: string;
  targetYear: number;
  targetValue: number;
}

/** Create or edit a target; an empty base value is computed on the server from the base year's records. */
export function TargetForm({
  teams,
  initial,
  defaultBaseYear,
}: {
  teams: { id: string; name: string }[];
  initial: TTargetFormInitial | null;
  defaultBaseYear: number;
}) {
  const [state, formAction, pending] = useActionState<TActionState, FormData>(saveTargetAction, { ok: true });
  const e = state.fieldErrors ?? {};
  const aria = (f: string, hasDescription = false) => fieldAria(`target-${f}`, e[f], hasDescription);
  return (
    <form
      action={formAction}
      className="flex flex-col gap-4"
      aria-label={initial ? 'Edit target' : 'New target'}
    >
      <input type="hidden" name="id" value={initial?.id ?? ''} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <FormField id="target-name" label="Name" error={e.name}>
          <Input id="target-name" name="name" defaultValue={initial?.name ?? ''} {...aria('name')} />
        </FormField>
        <FormField id="target-teamId" label="Scope" error={e.teamId}>
          <select
            id="target-teamId"
            name="teamId"
            defaultValue={initial?.teamId ?? ''}
            className={selectClass}
          >
            <option value="">Organisation</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                Team: {t.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="target-metric" label="Metric" error={e.metric}>
          <select
            id="target-metric"
            name="metric"
            defaultValue={initial?.metric ?? 'absolute'}
            className={selectClass}
          >
            <option value="absolute">Absolute (tCO2e per period)</option>
            <option value="intensity">Intensity (gCO2e per 1,000 requests)</option>
          </select>
        </FormField>
        <PeriodAndBasisFields
          prefix="target"
          errors={e}
          periodKind={initial?.periodKind ?? 'year'}
          basis={initial?.basis ?? 'location'}
        />
        <FormField id="target-baseYear" label="Base year" error={e.baseYear}>
          <Input
            id="target-baseYear"
            name="baseYear"
            type="number"
            defaultValue={initial?.baseYear ?? defaultBaseYear}
            {...aria('baseYear')}
          />
        </FormField>
        <FormField
          id="target-baseValue"
          label="Base value (empty = compute from data)"
          error={e.baseValue}
          description="tCO2e per period, or gCO2e per 1,000 requests"
        >
          <Input
            id="target-baseValue"
            name="baseValue"
            type="number"
            step="any"
            min={0}
            defaultValue={initial?.baseValueSource === 'entered' ? initial.baseValue : ''}
            {...aria('baseValue', true)}
          />
        </FormField>
        <FormField id="target-targetYear" label="Target year" error={e.targetYear}>
          <Input
            id="target-targetYear"
            name="targetYear"
            type="number"
            defaultValue={initial?.targetYear ?? defaultBaseYear + 5}
            {...aria('targetYear')}
          />
        </FormField>
        <FormField id="target-targetValue" label="Target value" error={e.targetValue}>
          <Input
            id="target-targetValue"
            name="targetValue"
            type="number"
            step="any"
            min={0}
            defaultValue={initial?.targetValue ?? ''}
            {...aria('targetValue')}
          />
        </FormField>
      </div>
      <FormFooter pending={pending} editing={initial !== null} noun="target" state={state} />
    </form>
  );
}
