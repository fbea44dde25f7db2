import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';

/**
 * The same record with its IT energy multiplied by `energyFactor` and its device-hours by `deviceHoursFactor`
 * (defaults to the energy factor), whichever way the engine derives energy for it:
 * measured energyKwh → scaled; requests × Wh/request → Wh/request scaled; device model → accelerator-hours scaled
 * (from the baseline footprint's device-hours, so a count × duration row works too). Embodied follows device-hours.
 */
export function scaleWork(
  record: TUsageRecordInput,
  baseline: RecordFootprint,
  energyFactor: number,
  deviceHoursFactor: number = energyFactor,
): TUsageRecordInput {
  const next: TUsageRecordInput = { ...record };
  if (baseline.deviceHours > 0) {
    next.acceleratorHours = baseline.deviceHours * deviceHoursFactor;
  }
  if (record.energyKwh !== undefined) {
    next.energyKwh = record.energyKwh * energyFactor;
  } else if (record.requests !== undefined && record.energyPerRequestWh !== undefined) {
    next.energyPerRequestWh = record.energyPerRequestWh * energyFactor;
  }
  // Device model: energy follows the scaled device-hours × power (a hardware swap also changes the accelerator).
  return next;
}
