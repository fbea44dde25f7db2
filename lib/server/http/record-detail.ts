import type { TRecordDetail } from '@/lib/schemas/api-v1-record';
import type { TUsageRecordDetail } from '@/lib/server/usage/usage-record-detail';

/** The API shape of a stored record (lib/schemas/api-v1-record.ts): explicit fields, dates as ISO strings. */
export function toRecordDetail(r: TUsageRecordDetail): TRecordDetail {
  const source = r.sourceData as { ingestFlags?: unknown } | null;
  return {
    id: r.id,
    externalId: r.externalId,
    phase: r.phase,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt.toISOString(),
    team: r.team?.slug ?? null,
    project: r.project?.slug ?? null,
    model: r.model,
    provider: r.provider,
    region: r.region,
    accelerator: r.accelerator,
    acceleratorCount: r.acceleratorCount,
    instanceType: r.instanceType,
    instanceCount: r.instanceCount,
    instanceHours: r.instanceHours,
    isMeasured: r.isMeasured,
    measuredEnergyKwh: r.measuredEnergyKwh,
    itEnergyKwh: r.itEnergyKwh,
    facilityEnergyKwh: r.facilityEnergyKwh,
    pueApplied: r.pueApplied,
    gridZone: r.gridZone,
    countryCode: r.countryCode,
    intensityGCo2ePerKwh: r.intensityGCo2ePerKwh,
    intensitySource: r.intensitySource,
    basis: r.basis,
    locationKgCo2e: r.locationKgCo2e,
    marketKgCo2e: r.marketKgCo2e,
    embodiedKgCo2e: r.embodiedKgCo2e,
    waterOnsiteL: r.waterOnsiteL,
    waterOffsiteL: r.waterOffsiteL,
    uncertaintyLowKgCo2e: r.uncertaintyLowKgCo2e,
    uncertaintyHighKgCo2e: r.uncertaintyHighKgCo2e,
    methodologyVersion: r.methodologyVersion,
    assumptionFlags: r.assumptionFlags,
    ingestFlags: Array.isArray(source?.ingestFlags) ? source.ingestFlags.map(String) : [],
    factorRefs: r.factorRefs,
    computedAt: r.computedAt.toISOString(),
    upload: r.upload ? { id: r.upload.id, fileName: r.upload.fileName, line: r.uploadLine } : null,
    restatements: r.restatements.map((e) => ({
      field: e.field,
      oldValue: e.oldValue,
      newValue: e.newValue,
      reason: e.reason,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
