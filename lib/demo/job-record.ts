import type { TPhase, TUsageRecordInput } from '@/lib/schemas/usage-record';
import {
  FALLBACK_PRICE_PER_ACCELERATOR_HOUR,
  PRICE_PER_ACCELERATOR_HOUR,
  type TDemoAccelerator,
  type TPlace,
} from './catalog';
import { addHours } from './dates';
import { round } from './prng';

/** A batch job (training, fine-tune, evaluation, data processing) before it becomes a usage record. */
export type TJobSpec = {
  recordId: string;
  phase: TPhase;
  startedAt: Date;
  hours: number;
  team: string;
  project: string;
  model?: string;
  place: TPlace;
  /** Omit the region on the row (exercises the provider-level fallback). */
  dropRegion?: boolean;
  /** Omit the accelerator on the row (exercises the default-power fallback). */
  accelerator?: TDemoAccelerator;
  dropAccelerator?: boolean;
  acceleratorCount: number;
  utilization: number;
  acceleratorPowerW?: number;
  energyKwh?: number;
  pue?: number;
  notes?: string;
};

/** Drops undefined keys so generated objects are tidy and deep-equal comparable. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Builds a usage record; device-hours = count × wall-clock hours; cloud rows carry a list-price cost. */
export function jobRecord(spec: TJobSpec): TUsageRecordInput {
  const hours = round(spec.hours, 2);
  const acceleratorHours = round(spec.acceleratorCount * hours, 2);
  const price = spec.accelerator
    ? PRICE_PER_ACCELERATOR_HOUR[spec.accelerator]
    : FALLBACK_PRICE_PER_ACCELERATOR_HOUR;
  const isCloud = spec.place.provider !== 'on_prem';
  return compact<TUsageRecordInput>({
    recordId: spec.recordId,
    phase: spec.phase,
    startedAt: spec.startedAt,
    endedAt: addHours(spec.startedAt, hours),
    team: spec.team,
    project: spec.project,
    model: spec.model,
    provider: spec.place.provider,
    region: spec.dropRegion ? undefined : spec.place.region,
    accelerator: spec.dropAccelerator ? undefined : spec.accelerator,
    acceleratorCount: spec.acceleratorCount,
    acceleratorHours,
    acceleratorPowerW: spec.acceleratorPowerW === undefined ? undefined : round(spec.acceleratorPowerW, 0),
    utilization: round(spec.utilization, 2),
    energyKwh: spec.energyKwh === undefined ? undefined : round(spec.energyKwh, 1),
    pue: spec.pue === undefined ? undefined : round(spec.pue, 2),
    cost: isCloud ? round(acceleratorHours * price, 2) : undefined,
    notes: spec.notes,
  });
}
