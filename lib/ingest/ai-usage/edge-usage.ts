import { aiEnergyRangeOf } from '@/lib/emissions/ai-services/ai-uncertainty';
import { EDGE_AI_SERVICE, type TEdgeOwnership } from '@/lib/emissions/ai-services/edge-ai-service';
import {
  estimateEdgeInference,
  type TEdgeDeviceClass,
  type TEdgeInferenceInput,
} from '@/lib/emissions/ai-services/estimate-edge-inference';
import type { IssueSink, ParsedRecord } from '../types';
import { type TAiRecordContext, validatedRecordOf } from './ai-usage-records';
import type { TAiUsageRow } from './ai-usage-types';

export const EDGE_DEVICE_CLASSES: readonly TEdgeDeviceClass[] = ['phone', 'laptop', 'desktop', 'embedded'];

/** One row of on-device inference (issue #21 item 6): device figures per device over the row's period. */
export interface TEdgeUsage {
  deviceClass: TEdgeDeviceClass;
  deviceCount: number;
  ownership: TEdgeOwnership;
  /** Where the devices are (country name or ISO code): the grid factor's location, not a cloud region. */
  country: string;
  inferencesPerDevice?: number;
  energyPerInferenceWh?: number;
  tokensPerDevice?: number;
  /** Measured or vendor-stated J/token; omitted = the device class's published default (thin evidence). */
  joulesPerToken?: number;
}

/** Estimator field → the AI usage template's column (docs/CSV_FORMAT.md "AI usage template"). */
export const EDGE_CSV_COLUMNS: Readonly<Record<string, string>> = {
  deviceClass: 'device_class',
  deviceCount: 'device_count',
  ownership: 'device_ownership',
  country: 'device_country',
  inferencesPerDevice: 'inferences_per_device',
  energyPerInferenceWh: 'energy_per_inference_wh',
  tokensPerDevice: 'tokens_per_device',
  joulesPerToken: 'joules_per_token',
};

/** The estimator's energy of an edge row (no grid factor: CO2e comes from our grid factors later). Pure. */
export function estimateEdgeEnergy(edge: TEdgeUsage) {
  const input: TEdgeInferenceInput = {
    deviceClass: edge.deviceClass,
    deviceCount: edge.deviceCount,
    gridKgCo2ePerKwh: 0,
    ...(edge.inferencesPerDevice !== undefined ? { inferencesPerDevice: edge.inferencesPerDevice } : {}),
    ...(edge.energyPerInferenceWh !== undefined ? { energyPerInferenceWh: edge.energyPerInferenceWh } : {}),
    ...(edge.tokensPerDevice !== undefined ? { tokensPerDevice: edge.tokensPerDevice } : {}),
    ...(edge.joulesPerToken !== undefined ? { joulesPerToken: edge.joulesPerToken } : {}),
  };
  return estimateEdgeInference(input);
}

/**
 * An on-device inference row → an inference usage record (`estimateEdgeInference`): provider `edge` (PUE 1,
 * no embodied share allocated), the midpoint device energy, no on-site water, the devices' country as the
 * location, the estimator's energy range as the record's band and its flags (device boundary, thin evidence)
 * in the record's flags. Company devices and shipped products differ by `ai_service` (`EDGE_AI_SERVICE`).
 * Errors name `fieldName(field)` on the row's line; returns null then. Pure.
 */
export function edgeUsageRecordOf(
  row: TAiUsageRow,
  edge: TEdgeUsage,
  context: TAiRecordContext,
  sink: IssueSink,
  fieldName: (field: string) => string,
): ParsedRecord | null {
  const estimate = estimateEdgeEnergy(edge);
  if (!estimate.ok) {
    sink.error(row.line, fieldName(estimate.field), estimate.message);
    return null;
  }
  const tokens = edge.tokensPerDevice === undefined ? undefined : edge.tokensPerDevice * edge.deviceCount;
  const requests =
    edge.inferencesPerDevice === undefined ? undefined : edge.inferencesPerDevice * edge.deviceCount;
  const input: Record<string, unknown> = {
    phase: 'inference',
    startedAt: row.periodStart,
    endedAt: row.periodEnd,
    ...(row.modelRaw ? { model: row.modelRaw } : {}),
    provider: 'edge',
    region: edge.country,
    energyKwh: estimate.energyKwh,
    pue: 1,
    wueLPerKwh: 0,
    ...(tokens !== undefined ? { tokens } : {}),
    ...(requests !== undefined ? { requests } : {}),
    ...(row.team ? { team: row.team } : {}),
    ...(row.project ? { project: row.project } : {}),
  };
  // The record's location is the devices' country: its errors name the country field.
  const record = validatedRecordOf(input, row.line, context, sink, (field) =>
    field === 'region' ? fieldName('country') : field,
  );
  if (!record) {
    return null;
  }
  const energyRange = aiEnergyRangeOf(estimate);
  return {
    line: row.line,
    record,
    flags: [...estimate.flags],
    source: {
      aiEnergyRange: energyRange,
      edge: { deviceClass: edge.deviceClass, deviceCount: edge.deviceCount, ownership: edge.ownership },
    },
    ai: {
      energyRange,
      service: EDGE_AI_SERVICE[edge.ownership],
      inputTokens: 0,
      outputTokens: tokens ?? 0,
      modelRef: `${row.modelRaw || edge.deviceClass}@edge-${edge.deviceClass}`,
      embodiedKgCo2e: 0,
    },
  };
}
