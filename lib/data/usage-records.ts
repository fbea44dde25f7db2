import 'server-only';
import { createHash } from 'node:crypto';
import { getPrisma, type PrismaClient } from '@/lib/db';
import type { RecordFootprint } from '@/lib/emissions/footprint-types';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import { resolveTeamsAndProjects } from './teams-and-projects';

/** One record to store: the validated input, the engine's result, and where it came from. */
export interface TUsageRecordToStore {
  record: TUsageRecordInput;
  footprint: RecordFootprint;
  uploadId?: string;
  uploadLine?: number;
  sourceData?: Prisma.InputJsonValue;
}

export interface TStoreResult {
  created: number;
  updated: number;
  unchanged: number;
}

type Tx = Prisma.TransactionClient;

/** SHA-256 of the record's inputs (keys sorted), to detect unchanged re-imports. */
export function hashUsageRecord(record: TUsageRecordInput): string {
  const entries = Object.entries(record)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]);
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
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
    methodologyVersion: f.methodologyVersion,
    factorRefs: {
      factors: f.factorRefs,
      marketAllocations: f.marketAllocations,
    } as unknown as Prisma.InputJsonValue,
    assumptionFlags: [...f.assumptions],
    computedAt,
  };
}

/**
 * Stores records in one transaction: new external ids are inserted, existing ones replaced (re-import
 * replaces), unchanged content is left alone. Teams and projects named on the records are created as needed.
 */
export async function storeUsageRecords(
  ctx: { orgId: string },
  items: TUsageRecordToStore[],
  options: { computedAt: Date; tx?: Tx; db?: PrismaClient },
): Promise<TStoreResult> {
  const run = async (tx: Tx): Promise<TStoreResult> => {
    const { teamIds, projectIds } = await resolveTeamsAndProjects(
      tx,
      ctx.orgId,
      items.map((i) => i.record),
    );
    const prepared = items.map((item) => {
      const contentHash = hashUsageRecord(item.record);
      return { item, contentHash, externalId: externalIdOf(item.record, contentHash) };
    });
    const existing = await tx.usageRecord.findMany({
      where: { orgId: ctx.orgId, externalId: { in: prepared.map((p) => p.externalId) } },
      select: { id: true, externalId: true, contentHash: true },
    });
    const existingById = new Map(existing.map((e) => [e.externalId, e]));
    const result: TStoreResult = { created: 0, updated: 0, unchanged: 0 };
    const toCreate: Prisma.UsageRecordCreateManyInput[] = [];
    for (const p of prepared) {
      const teamId = p.item.record.team ? (teamIds.get(p.item.record.team) ?? null) : null;
      const projectId = p.item.record.project ? (projectIds.get(p.item.record.project) ?? null) : null;
      const columns = toColumns(p.item, teamId, projectId, options.computedAt);
      const previous = existingById.get(p.externalId);
      if (!previous) {
        toCreate.push({ ...columns, orgId: ctx.orgId, externalId: p.externalId, contentHash: p.contentHash });
        existingById.set(p.externalId, { id: '', externalId: p.externalId, contentHash: p.contentHash });
      } else if (previous.contentHash === p.contentHash && previous.id !== '') {
        result.unchanged += 1;
      } else if (previous.id !== '') {
        await tx.usageRecord.update({
          where: { id: previous.id },
          data: { ...columns, contentHash: p.contentHash },
        });
        result.updated += 1;
      }
    }
    for (let i = 0; i < toCreate.length; i += 2_000) {
      const created = await tx.usageRecord.createMany({ data: toCreate.slice(i, i + 2_000) });
      result.created += created.count;
    }
    return result;
  };
  if (options.tx) {
    return run(options.tx);
  }
  return (options.db ?? getPrisma()).$transaction(run, { timeout: 300_000 });
}
