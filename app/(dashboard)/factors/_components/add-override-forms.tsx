'use client';

import { PROVIDERS } from '@/lib/schemas/usage-record';
import {
  createAcceleratorOverrideAction,
  createGridOverrideAction,
  createLocationOverrideAction,
} from '../actions';
import { OverrideForm, type TOverrideField } from './override-form';

const BASIS_OPTIONS = [
  { value: 'lifecycle', label: 'Life-cycle' },
  { value: 'direct', label: 'Direct' },
];
const SOURCE: TOverrideField = {
  name: 'source',
  label: 'Source',
  placeholder: 'e.g. supplier disclosure 2025',
};

const GRID_FIELDS: TOverrideField[] = [
  { name: 'zone', label: 'Grid zone', placeholder: 'FR' },
  { name: 'gCo2ePerKwh', label: 'Intensity (g CO2e/kWh)', type: 'number' },
  { name: 'basis', label: 'Basis', options: BASIS_OPTIONS, defaultValue: 'lifecycle' },
  { name: 'validFrom', label: 'Valid from', type: 'date' },
  { name: 'validTo', label: 'Valid until (exclusive)', type: 'date' },
  SOURCE,
];
const LOCATION_FIELDS: TOverrideField[] = [
  {
    name: 'provider',
    label: 'Provider',
    options: PROVIDERS.map((p) => ({ value: p, label: p })),
    defaultValue: 'on_prem',
  },
  { name: 'regionCode', label: 'Region or site code', placeholder: 'europe-west9' },
  { name: 'gridZone', label: 'Grid zone', placeholder: 'FR' },
  { name: 'pue', label: 'PUE', type: 'number', placeholder: 'e.g. 1.2' },
  { name: 'wueLPerKwh', label: 'WUE (L/kWh)', type: 'number', placeholder: 'optional' },
  SOURCE,
];
const ACCELERATOR_FIELDS: TOverrideField[] = [
  { name: 'name', label: 'Name', placeholder: 'H100 SXM' },
  { name: 'tdpW', label: 'TDP (W)', type: 'number' },
  { name: 'memoryGb', label: 'Memory (GB)', type: 'number', placeholder: 'optional' },
  { name: 'embodiedKgCo2e', label: 'Embodied (kg CO2e)', type: 'number', placeholder: 'optional' },
  SOURCE,
];

/** Admin-only forms; each change is audited and followed by a recomputation of the organisation's records. */
export function AddOverrideForms() {
  return (
    <div className="flex flex-col gap-8">
      <OverrideForm
        id="grid-override"
        title="Add a grid-factor override"
        fields={GRID_FIELDS}
        submitLabel="Add grid factor"
        action={createGridOverrideAction}
      />
      <OverrideForm
        id="location-override"
        title="Add a location override (PUE, WUE, zone)"
        fields={LOCATION_FIELDS}
        submitLabel="Add location"
        action={createLocationOverrideAction}
      />
      <OverrideForm
        id="accelerator-override"
        title="Add an accelerator"
        fields={ACCELERATOR_FIELDS}
        submitLabel="Add accelerator"
        action={createAcceleratorOverrideAction}
      />
    </div>
  );
}
