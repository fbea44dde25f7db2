import 'server-only';
import { hash } from 'node:crypto';
import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TAiRecordFields } from '@/lib/ingest/types';
import { type TUsageRecordInput, ZUsageRecordInput } from '@/lib/schemas/usage-record';
import { recordHashText } from './record-hash-text';

/** One record to store: the validated input, the engine's result, and where it came from. */
export interface TUsageRecordToStore {
  record: TUsageRecordInput;
  footprint: RecordFootprint;
  uploadId?: string;
  uploadLine?: number;
  sourceData?: Prisma.InputJsonValue;
  /** AI-service usage rows only (issue #21). */
  ai?: TAiRecordFields;
}

// Key order of the content hash: the schema's keys sorted as the original implementation sorted them
// (localeCompare), computed once instead of per row. Same order → same hashes as records stored before.
const HASH_KEY_ORDER = Object.keys(ZUsageRecordInput.shape).sort((a, b) => a.localeCompare(b));
const HASH_KEYS = new Set(HASH_KEY_ORDER);

/** SHA-256 of the record's inputs (keys sorted), to detect unchanged re-imports. */
export function hashUsageRecord(record: TUsageRecordInput): string {
  const values = record as Record<string, unknown>;
  const own = Object.keys(values);
  // A key outside the schema (hand-built records) keeps the general rule: every own key, sorted.
  const order = own.every((k) => HASH_KEYS.has(k)) ? HASH_KEY_ORDER : own.sort((a, b) => a.localeCompare(b));
  // JSON of the defined [key, value] pairs (dates as ISO), one-shot hash: no arrays or Hash object per record.
  return hash('sha256', recordHashText(values, order), 'hex');
}

/** The record's id within the organisation: the user's record_id, else one derived from its content. */
export function externalIdOf(record: TUsageRecordInput, contentHash: string): string {
  return record.recordId ?? `sha256:${contentHash}`;
}

export function toColumns(
  item: TUsageRecordToStore,
  teamId: string | null,
  projectId: string | null,
  computedAt: Date,
) {
  const { record: r, footprint: f } = item;
  return {
    phase: r.phase,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    teamId,
    projectId,
    model: r.model ?? null,
    provider: r.provider ?? null,
    region: r.region ?? null,
    instanceType: r.instanceType ?? null,
    instanceCount: r.instanceCount ?? null,
    instanceHours: r.instanceHours ?? null,
    accelerator: r.accelerator ?? null,
    acceleratorCount: r.acceleratorCount ?? null,
    acceleratorHours: r.acceleratorHours ?? null,
    acceleratorPowerW: r.acceleratorPowerW ?? null,
    utilization: r.utilization ?? null,
    measuredEnergyKwh: r.energyKwh ?? null,
    energyPerRequestWh: r.energyPerRequestWh ?? null,
    pueOverride: r.pue ?? null,
    intensityOverrideGCo2ePerKwh: r.carbonIntensityGPerKwh ?? null,
    wueOverrideLPerKwh: r.wueLPerKwh ?? null,
    requests: r.requests ?? null,
    tokens: r.tokens ?? null,
    aiService: item.ai?.service ?? null,
    inputTokens: item.ai?.inputTokens ?? null,
    outputTokens: item.ai?.outputTokens ?? null,
    aiModelRef: item.ai?.modelRef ?? null,
    cost: r.cost ?? null,
    notes: r.notes ?? null,
    uploadId: item.uploadId ?? null,
    uploadLine: item.uploadLine ?? null,
    sourceData: item.sourceData,
    gridZone: f.gridZone,
    countryCode: f.countryCode,
    acceleratorCatalogId: f.acceleratorId,
    deviceHours: f.deviceHours,
    powerPerDeviceW: f.powerPerDeviceW,
    itEnergyKwh: f.itEnergyKwh,
    facilityEnergyKwh: f.energyKwh,
    pueApplied: f.pue,
    intensityGCo2ePerKwh: f.intensityGCo2ePerKwh,
    intensitySource: f.intensitySource,
    basis: f.basis,
    locationKgCo2e: f.locationKgCo2e,
    marketKgCo2e: f.marketKgCo2e,
    marketMatchedKwh: f.marketMatchedKwh,
    embodiedKgCo2e: f.embodiedKgCo2e,
    waterOnsiteL: f.waterOnsiteL,
    waterOffsiteL: f.waterOffsiteL,
    uncertaintyLowKgCo2e: f.uncertaintyLowKgCo2e,
    uncertaintyHighKgCo2e: f.uncertaintyHighKgCo2e,
    isMeasured: f.isMeasured,
    // Provenance (factor refs, methodology version, flags, market allocations) is staged per distinct set:
    // provenanceRowOf in staging-rows.ts.
    computedAt,
  };
}
