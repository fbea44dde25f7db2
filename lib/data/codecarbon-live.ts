import 'server-only';
import { randomUUID } from 'node:crypto';
import { isDuplicate, liveRecordId, liveRunRecord, type TLiveRun } from '@/lib/codecarbon/live-run';
import { getPrisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TCodecarbonEmissionCreate, TCodecarbonRunCreate } from '@/lib/schemas/codecarbon-api';
import { ZUsageRecordInput } from '@/lib/schemas/usage-record';
import { computeForOrganization } from './api-estimate';
import { storeUsageRecords } from './usage-records';

type Tx = Prisma.TransactionClient;

/** Recomputes the run's one record from its payload and deltas and stores it (insert or replace). */
async function storeLiveRun(ctx: { orgId: string }, live: TLiveRun, now: Date, tx: Tx): Promise<void> {
  const record = ZUsageRecordInput.parse(liveRunRecord(live));
  const [footprint] = await computeForOrganization(ctx, [record]);
  if (!footprint) {
    throw new AppError('INTERNAL', 'The engine returned no result.');
  }
  const sourceData = { codecarbon: live } as unknown as Prisma.InputJsonValue;
  await storeUsageRecords(ctx, [{ record, footprint, sourceData }], { computedAt: now, tx });
}

/** POST /runs: the run becomes one usage record (zero energy until its first emission post). */
export async function createCodecarbonRun(
  ctx: { orgId: string },
  run: TCodecarbonRunCreate,
  now: Date,
): Promise<{ id: string }> {
  const id = randomUUID();
  await getPrisma().$transaction((tx) =>
    storeLiveRun(ctx, { live: true, runId: id, run, emissions: [] }, now, tx),
  );
  return { id };
}

/**
 * POST /emissions: adds one delta to its run and recomputes the run's record, under a row lock so concurrent
 * posts of one run serialise. An exact retry (same send time, duration, energy) is absorbed.
 */
export async function addCodecarbonEmission(
  ctx: { orgId: string },
  emission: TCodecarbonEmissionCreate,
  now: Date,
): Promise<{ id: string; duplicate: boolean }> {
  return getPrisma().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ source_data: { codecarbon?: TLiveRun } | null }[]>`
      SELECT source_data FROM usage_record
       WHERE org_id = ${ctx.orgId}::uuid AND external_id = ${liveRecordId(emission.run_id)} FOR UPDATE`;
    const live = row?.source_data?.codecarbon;
    if (!live?.live) {
      throw new AppError(
        'NOT_FOUND',
        `Run ${emission.run_id} was not created through this API (POST /runs).`,
      );
    }
    const id = randomUUID();
    if (isDuplicate(live, emission)) {
      return { id, duplicate: true };
    }
    await storeLiveRun(ctx, { ...live, emissions: [...live.emissions, emission] }, now, tx);
    return { id, duplicate: false };
  });
}
