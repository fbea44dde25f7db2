import 'server-only';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  isDuplicate,
  liveRecordId,
  liveRunFlags,
  liveRunRecord,
  type TLiveRun,
} from '@/lib/codecarbon/live-run';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TCodecarbonEmissionCreate, TCodecarbonRunCreate } from '@/lib/schemas/codecarbon-api';
import { usageRecordSchemaAt } from '@/lib/schemas/usage-record';
import { getPrisma } from '@/lib/server/db/prisma';
import { getPgPool } from '../db/pg-pool';
import { queryRows, sql } from '../db/sql';
import { pgRunner, withTransaction } from '../db/sql-runner';
import { getCachedFactorLibrary } from '../factors/factor-library-cache';
import { computeForOrganization } from './api-estimate';
import { getCodecarbonExperiment } from './codecarbon-experiments';
import { storeUsageRecords } from './usage-records';

type TClient = pg.ClientBase;

/** Recomputes the run's one record from its payload and deltas and stores it (insert or replace). */
async function storeLiveRun(
  ctx: { orgId: string },
  live: TLiveRun,
  now: Date,
  client: TClient,
): Promise<void> {
  // The same bounds as every other path (duration ≤ 366 days, plausible magnitudes, not in the future): a run
  // that leaves them answers 422 naming the record field, and the post that caused it is rolled back.
  const parsed = usageRecordSchemaAt(now).safeParse(liveRunRecord(live));
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      field: i.path.join('.') || '(record)',
      message: i.message,
    }));
    throw new AppError(
      'INVALID_RECORDS',
      `The run's usage record is invalid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}.`,
      errors,
    );
  }
  const record = parsed.data;
  const [footprint] = await computeForOrganization(ctx, [record]);
  if (!footprint) {
    throw new AppError('INTERNAL', 'The engine returned no result.');
  }
  const sourceData = {
    codecarbon: live,
    ingestFlags: liveRunFlags(live),
  } as unknown as Prisma.InputJsonValue;
  await storeUsageRecords(ctx, [{ record, footprint, sourceData }], {
    computedAt: now,
    client,
    reason: `CodeCarbon run ${live.runId} updated by a new emission post`,
  });
}

/**
 * POST /runs: the run becomes one usage record (zero energy until its first emission post). Its experiment
 * (location, PUE, project) is copied into the run as of now; an unknown experiment id is accepted (CodeCarbon's
 * shared default id) and flagged LOCATION_MISSING.
 */
export async function createCodecarbonRun(
  ctx: { orgId: string },
  run: TCodecarbonRunCreate,
  now: Date,
): Promise<{ id: string }> {
  const id = randomUUID();
  // The run's transaction holds a row lock while the record is recomputed: load the (cached) factor library
  // before opening it, so a cold cache never holds the lock.
  const [experiment] = await Promise.all([
    getCodecarbonExperiment(ctx, run.experiment_id),
    getCachedFactorLibrary(ctx),
  ]);
  await withTransaction(getPgPool(), (client) =>
    storeLiveRun(ctx, { live: true, runId: id, run, experiment, emissions: [] }, now, client),
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
  await getCachedFactorLibrary(ctx);
  return withTransaction(getPgPool(), async (client) => {
    const [row] = await queryRows<{ source_data: { codecarbon?: TLiveRun } | null }>(
      pgRunner(client),
      sql`SELECT source_data FROM usage_record
           WHERE org_id = ${ctx.orgId}::uuid AND external_id = ${liveRecordId(emission.run_id)} FOR UPDATE`,
    );
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
    await storeLiveRun(ctx, { ...live, emissions: [...live.emissions, emission] }, now, client);
    return { id, duplicate: false };
  });
}

const toRun = (live: TLiveRun) => ({ ...live.run, id: live.runId });

/** GET /runs/{id}: the run as created (CodeCarbon's Run shape). */
export async function getCodecarbonRun(ctx: { orgId: string }, runId: string) {
  const row = await getPrisma().usageRecord.findFirst({
    where: { orgId: ctx.orgId, externalId: liveRecordId(runId) },
    select: { sourceData: true },
  });
  const live = (row?.sourceData as { codecarbon?: TLiveRun } | null)?.codecarbon;
  return live?.live ? toRun(live) : null;
}

/** GET /experiments/{id}/runs: the live runs of an experiment, oldest first. */
export async function findCodecarbonRuns(ctx: { orgId: string }, experimentId: string) {
  const rows = await getPrisma().usageRecord.findMany({
    where: {
      orgId: ctx.orgId,
      externalId: { startsWith: 'codecarbon:' },
      sourceData: { path: ['codecarbon', 'run', 'experiment_id'], equals: experimentId },
    },
    select: { sourceData: true },
    orderBy: { startedAt: 'asc' },
  });
  return rows.flatMap((r) => {
    const live = (r.sourceData as { codecarbon?: TLiveRun } | null)?.codecarbon;
    return live?.live ? [toRun(live)] : [];
  });
}
