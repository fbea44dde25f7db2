import 'server-only';
import type pg from 'pg';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { PrismaClient } from '@/lib/server/db/prisma';
import { getPgPool } from '../db/pg-pool';
import { pgRunner, prismaRunner, type TSqlRunner, withTransaction } from '../db/sql-runner';
import { createStagingWriter } from './staging-writer';
import { applyStagedRecords } from './uploads/upload-staging';
import { externalIdOf, hashUsageRecord, type TUsageRecordToStore } from './usage-record-columns';

export interface TStoreResult {
  created: number;
  updated: number;
  unchanged: number;
}

type Tx = Prisma.TransactionClient;

/** Restatement reason when no `reason` is given (API batches, CodeCarbon live runs, seeds). */
const DEFAULT_REASON = 'replaced by a newer version of the record';

/**
 * Stores records in one transaction, exactly as uploads do: the rows are staged (COPY on a pg connection) and
 * moved into usage_record by one set-based upsert on (org_id, external_id). New external ids are inserted,
 * changed ones replaced in place and the replacement logged as a RestatementEntry, unchanged content is left
 * alone; teams and projects named on the records are created as needed. Runs inside the caller's transaction
 * when given one (`client`: pg in BEGIN, or `tx`: Prisma interactive transaction), else in its own.
 * Within one call a repeated external id keeps its first occurrence.
 */
export async function storeUsageRecords(
  ctx: { orgId: string },
  items: TUsageRecordToStore[],
  options: {
    computedAt: Date;
    tx?: Tx;
    db?: PrismaClient;
    client?: pg.ClientBase;
    /** Why a replaced record changed, for the restatement log. */
    reason?: string;
  },
): Promise<TStoreResult> {
  const run = async (db: TSqlRunner): Promise<TStoreResult> => {
    if (items.length === 0) {
      return { created: 0, updated: 0, unchanged: 0 };
    }
    const writer = await createStagingWriter(db, options.computedAt);
    const seen = new Set<string>();
    for (const item of uniqueByExternalId(items, seen)) {
      writer.add(item);
      if (writer.stagedRows % 5_000 === 0) {
        await writer.flush();
      }
    }
    await writer.flush();
    const uploadIds = new Set(items.map((i) => i.uploadId ?? null));
    return applyStagedRecords(db, {
      orgId: ctx.orgId,
      uploadId: uploadIds.size === 1 ? ([...uploadIds][0] ?? null) : null,
      reason: options.reason ?? DEFAULT_REASON,
      computedAt: options.computedAt,
      dedupe: false,
      stagedRows: writer.stagedRows,
      teams: writer.teams,
      projects: writer.projects,
    });
  };
  if (options.client) {
    return run(pgRunner(options.client));
  }
  if (options.tx) {
    return run(prismaRunner(options.tx));
  }
  if (options.db) {
    return options.db.$transaction((tx) => run(prismaRunner(tx)), { timeout: 300_000 });
  }
  return withTransaction(getPgPool(), (client) => run(pgRunner(client)));
}

/** The first item of each external id (a later repeat in the same call is ignored, as before). */
function* uniqueByExternalId(
  items: TUsageRecordToStore[],
  seen: Set<string>,
): Generator<TUsageRecordToStore> {
  for (const item of items) {
    const id = externalIdOf(item.record, item.record.recordId ? '' : hashUsageRecord(item.record));
    if (!seen.has(id)) {
      seen.add(id);
      yield item;
    }
  }
}
