import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { AssumptionFlag } from './assumption-flags';
import type { AcceleratorSpec, InstanceHostPower, InstanceTypeSpec } from './factor-library-types';
import type { FactorRef } from './footprint-types';
import type { IndexedFactorLibrary } from './index-factor-library';
import { DEFAULT_SOURCES, type MethodologySettings } from './methodology-settings';
import { resolveAccelerator } from './resolve-accelerator';
import { resolveInstanceType } from './resolve-instance-type';

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
  /** The row's instance type when it resolved (reference/instance-types), else null. */
  instanceType: InstanceTypeSpec | null;
  /** Host share of itEnergyKwh from the instance table's power figures (0 when none applied). */
  hostEnergyKwh: number;
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

/** Instance-hours of an instance row: instanceHours, else instanceCount (default 1) × duration; null without one. */
export function rowInstanceHours(record: TUsageRecordInput): number | null {
  if (record.instanceType === undefined) {
    return null;
  }
  return record.instanceHours ?? (record.instanceCount ?? 1) * durationHours(record);
}

/**
 * Whole-instance power at utilisation u, W, read linearly between the source's idle, 50 % and 100 % points
 * (the Teads model publishes exactly these three points; CCF interpolates its own curves the same way).
 */
export function instancePowerW(power: InstanceHostPower, utilization: number): number {
  const u = Math.min(1, Math.max(0, utilization));
  return u <= 0.5
    ? power.idleW + (power.halfLoadW - power.idleW) * (u / 0.5)
    : power.halfLoadW + (power.fullLoadW - power.halfLoadW) * ((u - 0.5) / 0.5);
}

interface InstanceInput {
  spec: InstanceTypeSpec | null;
  accelerator: AcceleratorSpec | null;
  instanceHours: number;
  deviceHours: number;
  flags: AssumptionFlag[];
}

/**
 * An instance row (docs/METHODOLOGY.md §1): accelerator-hours = instance-hours × accelerators per instance, with the
 * accelerator from the instance table. An instance type the table lacks (or whose count is not sourced) counts one
 * accelerator per instance, of the row's accelerator if it names one, and is flagged; uploads reject it first
 * (`createCatalogCheck`).
 */
function instanceInput(record: TUsageRecordInput, library: IndexedFactorLibrary): InstanceInput | null {
  const instanceHours = rowInstanceHours(record);
  if (instanceHours === null) {
    return null;
  }
  const flags: AssumptionFlag[] =
    record.instanceHours === undefined && record.instanceCount === undefined
      ? ['INSTANCE_COUNT_DEFAULT']
      : [];
  const resolved = resolveInstanceType(library, record.provider, record.instanceType);
  const count = resolved?.spec.acceleratorCount ?? null;
  if (!resolved || count === null) {
    return {
      spec: resolved?.spec ?? null,
      accelerator: resolved?.accelerator ?? resolveAccelerator(library, record.accelerator),
      instanceHours,
      deviceHours: instanceHours,
      flags: [...flags, 'INSTANCE_TYPE_UNKNOWN'],
    };
  }
  return {
    spec: resolved.spec,
    accelerator: resolved.accelerator,
    instanceHours,
    deviceHours: instanceHours * count,
    flags,
  };
}

/**
 * Host share of an instance whose table row has sourced whole-instance power: (instance W at u − accelerators' W)
 * × instance-hours, never below 0. The accelerators' W is what this row's estimate already counts (count × the
 * per-device power used), so the host share adds only CPU, memory and overhead.
 */
function instanceHostEnergy(
  instance: InstanceInput | null,
  powerPerDeviceW: number,
  utilization: number,
): { hostEnergyKwh: number; ref: FactorRef } | null {
  const power = instance?.spec?.hostPower;
  const count = instance?.spec?.acceleratorCount;
  if (!instance?.spec || !power || count === null || count === undefined) {
    return null;
  }
  const wholeW = instancePowerW(power, utilization);
  const hostW = Math.max(0, wholeW - count * powerPerDeviceW);
  return {
    hostEnergyKwh: (instance.instanceHours * hostW) / 1000,
    ref: {
      id: `instance:${instance.spec.provider}:${instance.spec.name}`,
      kind: 'instance-host-power',
      value: hostW,
      unit: 'W',
      source: power.source,
      datasetVersion: instance.spec.datasetVersion,
    },
  };
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
  const instance = instanceInput(record, library);
  const accelerator = instance ? instance.accelerator : resolveAccelerator(library, record.accelerator);
  const known = instance ? instance.deviceHours : rowDeviceHours(record);
  const base = {
    deviceHours: known ?? 0,
    accelerator,
    instanceType: instance?.spec ?? null,
    hostEnergyKwh: 0,
    powerPerDeviceW: null,
    factorRefs: [] as FactorRef[],
  };
  const instanceFlags = instance?.flags ?? [];
  if (record.energyKwh !== undefined) {
    return {
      ...base,
      itEnergyKwh: record.energyKwh,
      method: 'measured',
      isMeasured: true,
      flags: instanceFlags,
    };
  }
  if (record.requests !== undefined && record.energyPerRequestWh !== undefined) {
    const itEnergyKwh = (record.requests * record.energyPerRequestWh) / 1000;
    const flags: AssumptionFlag[] = ['ENERGY_FROM_REQUESTS', ...instanceFlags];
    return { ...base, itEnergyKwh, method: 'requests', isMeasured: false, flags };
  }
  const hasDeviceInput =
    known !== null || record.acceleratorPowerW !== undefined || record.accelerator !== undefined;
  if (!hasDeviceInput) {
    return { ...base, itEnergyKwh: 0, method: 'none', isMeasured: false, flags: ['ENERGY_NO_INPUT'] };
  }
  const flags: AssumptionFlag[] = [...instanceFlags];
  const utilization = record.utilization ?? settings.defaultUtilization;
  const deviceHours = known ?? durationHours(record);
  if (known === null) {
    flags.push('DEVICE_COUNT_DEFAULT');
  }
  if (record.acceleratorPowerW !== undefined) {
    const powerW = record.acceleratorPowerW;
    flags.push('ENERGY_FROM_STATED_POWER');
    const host = instanceHostEnergy(instance, powerW, utilization);
    if (host) {
      // The host curve needs a load even when the device power is stated.
      flags.push(
        'INSTANCE_HOST_FROM_TABLE',
        ...(record.utilization === undefined ? (['UTILIZATION_DEFAULT'] as const) : []),
      );
    }
    const hostEnergyKwh = host?.hostEnergyKwh ?? 0;
    const itEnergyKwh = (deviceHours * powerW) / 1000 + hostEnergyKwh;
    return {
      ...base,
      deviceHours,
      powerPerDeviceW: powerW,
      hostEnergyKwh,
      itEnergyKwh,
      method: 'stated-power',
      isMeasured: false,
      flags,
      factorRefs: host ? [host.ref] : [],
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
  const host = instanceHostEnergy(instance, powerW, utilization);
  if (host) {
    // The table's host share replaces the settings' overhead fraction: both estimate the same CPU/DRAM energy.
    itEnergyKwh += host.hostEnergyKwh;
    flags.push('INSTANCE_HOST_FROM_TABLE');
    refs.push(host.ref);
  } else if (settings.hostOverheadFraction > 0) {
    itEnergyKwh *= 1 + settings.hostOverheadFraction;
    flags.push('HOST_OVERHEAD_APPLIED');
  }
  return {
    ...base,
    deviceHours,
    powerPerDeviceW: powerW,
    hostEnergyKwh: host?.hostEnergyKwh ?? 0,
    itEnergyKwh,
    method: 'tdp-model',
    isMeasured: false,
    flags,
    factorRefs: refs,
  };
}
