import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { AssumptionFlag } from './assumption-flags';
import type { AcceleratorSpec } from './factor-library-types';
import type { FactorRef } from './footprint-types';
import type { IndexedFactorLibrary } from './index-factor-library';
import { DEFAULT_SOURCES, type MethodologySettings } from './methodology-settings';
import { resolveAccelerator } from './resolve-accelerator';

const MS_PER_HOUR = 3_600_000;

export type EnergyMethod = 'measured' | 'requests' | 'stated-power' | 'tdp-model' | 'none';

export interface ItEnergy {
  itEnergyKwh: number;
  method: EnergyMethod;
  isMeasured: boolean;
  /** Device-hours from the row (0 when neither accelerator-hours nor a count is given). */
  deviceHours: number;
  powerPerDeviceW: number | null;
  accelerator: AcceleratorSpec | null;
  flags: AssumptionFlag[];
  factorRefs: FactorRef[];
}

/**
 * Utilisation power model (CCF, MR §4.1–4.2, docs/METHODOLOGY.md §1): P = P_idle + u × (TDP − P_idle), W per device.
 * u = 1 gives TDP (the GA/MLCO2 upper bound); u = 0 gives idle draw.
 */
export function modelledPowerW(tdpW: number, idleW: number, utilization: number): number {
  return idleW + utilization * (tdpW - idleW);
}

/** Run duration in hours from the half-open interval [startedAt, endedAt). */
export function durationHours(record: Pick<TUsageRecordInput, 'startedAt' | 'endedAt'>): number {
  return Math.max(0, record.endedAt.getTime() - record.startedAt.getTime()) / MS_PER_HOUR;
}

/** Device-hours: acceleratorHours, else acceleratorCount × duration; null when neither is given. */
export function rowDeviceHours(record: TUsageRecordInput): number | null {
  if (record.acceleratorHours !== undefined) {
    return record.acceleratorHours;
  }
  return record.acceleratorCount !== undefined ? record.acceleratorCount * durationHours(record) : null;
}

/**
 * IT energy with the precedence energyKwh > requests × energyPerRequestWh > device-hours × power,
 * where power = acceleratorPowerW (stated average draw), else the catalog utilisation model.
 */
export function computeItEnergy(
  record: TUsageRecordInput,
  library: IndexedFactorLibrary,
  settings: MethodologySettings,
): ItEnergy {
  const accelerator = resolveAccelerator(library, record.accelerator);
  const known = rowDeviceHours(record);
  const base = { deviceHours: known ?? 0, accelerator, powerPerDeviceW: null, factorRefs: [] as FactorRef[] };
  if (record.energyKwh !== undefined) {
    return { ...base, itEnergyKwh: record.energyKwh, method: 'measured', isMeasured: true, flags: [] };
  }
  if (record.requests !== undefined && record.energyPerRequestWh !== undefined) {
    const itEnergyKwh = (record.requests * record.energyPerRequestWh) / 1000;
    return { ...base, itEnergyKwh, method: 'requests', isMeasured: false, flags: ['ENERGY_FROM_REQUESTS'] };
  }
  const hasDeviceInput =
    known !== null || record.acceleratorPowerW !== undefined || record.accelerator !== undefined;
  if (!hasDeviceInput) {
    return { ...base, itEnergyKwh: 0, method: 'none', isMeasured: false, flags: ['ENERGY_NO_INPUT'] };
  }
  const flags: AssumptionFlag[] = [];
  const deviceHours = known ?? durationHours(record);
  if (known === null) {
    flags.push('DEVICE_COUNT_DEFAULT');
  }
  if (record.acceleratorPowerW !== undefined) {
    const powerW = record.acceleratorPowerW;
    flags.push('ENERGY_FROM_STATED_POWER');
    const itEnergyKwh = (deviceHours * powerW) / 1000;
    return {
      ...base,
      deviceHours,
      powerPerDeviceW: powerW,
      itEnergyKwh,
      method: 'stated-power',
      isMeasured: false,
      flags,
    };
  }
  flags.push('ENERGY_FROM_TDP_MODEL');
  const refs: FactorRef[] = [];
  let tdpW = settings.unknownAcceleratorPowerW;
  let idleW = settings.idlePowerFraction * tdpW;
  if (accelerator) {
    tdpW = accelerator.tdpW;
    idleW = accelerator.idleW ?? settings.idlePowerFraction * tdpW;
    if (accelerator.idleW === null) {
      flags.push('IDLE_POWER_DEFAULT');
    }
    refs.push({
      id: accelerator.id,
      kind: 'accelerator-power',
      value: tdpW,
      unit: 'W',
      source: accelerator.source,
      datasetVersion: accelerator.datasetVersion,
    });
  } else {
    flags.push('ACCELERATOR_UNKNOWN', 'IDLE_POWER_DEFAULT');
    refs.push({
      id: 'default:unknown-accelerator-power',
      kind: 'accelerator-power',
      value: tdpW,
      unit: 'W',
      source: DEFAULT_SOURCES.unknownAcceleratorPowerW,
      datasetVersion: 'settings',
    });
  }
  const utilization = record.utilization ?? settings.defaultUtilization;
  if (record.utilization === undefined) {
    flags.push('UTILIZATION_DEFAULT');
    refs.push({
      id: 'default:utilization',
      kind: 'utilization',
      value: utilization,
      unit: 'fraction',
      source: 'Cloud Carbon Footprint AVG_CPU_UTILIZATION_2020 (50 %), applied to accelerators',
      datasetVersion: 'settings',
    });
  }
  const powerW = modelledPowerW(tdpW, idleW, utilization);
  let itEnergyKwh = (deviceHours * powerW) / 1000;
  if (settings.hostOverheadFraction > 0) {
    itEnergyKwh *= 1 + settings.hostOverheadFraction;
    flags.push('HOST_OVERHEAD_APPLIED');
  }
  return {
    ...base,
    deviceHours,
    powerPerDeviceW: powerW,
    itEnergyKwh,
    method: 'tdp-model',
    isMeasured: false,
    flags,
    factorRefs: refs,
  };
}
