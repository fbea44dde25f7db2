import 'server-only';
import type pg from 'pg';
import { z } from 'zod';
import { actorUserId, type TOrgContext } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import type { RowError } from '@/lib/ingest/types';
import { recordAuditEvent } from '../../audit/audit-events';
import { executeSql, queryRows, sql } from '../../db/sql';
import { pgRunner, withTransaction } from '../../db/sql-runner';
import type { TUploadProgress } from './upload-progress';

/** Who uploads into which organisation: the uploader is the actor's user (none for the system). */
export type TIngestContext = Pick<TOrgContext, 'orgId' | 'actor'>;

export type TReport = {
  errors: RowError[];
  errorCount: number;
  warnings: RowError[];
  skippedLines?: number[];
};

/**
 * Inserts the upload row as `processing` (committed at once, outside the upload's transaction) so its progress
 * can be read while the file is processed. `id`: a client-chosen UUID (the page polls it), else generated.
 */
export async function createProcessingUpload(
  pool: pg.Pool,
  ctx: TIngestContext,
  u: { id?: string; fileName: string; format: string; timeZone: string; bytesTotal: number | null },
): Promise<string> {
  if (u.id !== undefined && !z.uuid().safeParse(u.id).success) {
    throw new AppError('INVALID_INPUT', 'uploadId must be a UUID.');
  }
  const progress = {
    stage: 'parsing',
    bytesProcessed: 0,
    bytesTotal: u.bytesTotal,
    rowsProcessed: 0,
    rowsRejected: 0,
    rowsTotal: null,
    rowsTotalEstimated: false,
    rowsPerSecond: null,
    etaSeconds: null,
  } satisfies TUploadProgress;
  const db = pgRunner(pool);
  const insert = (id: string | null) =>
    queryRows<{ id: string }>(
      db,
      sql`INSERT INTO upload (id, org_id, uploaded_by_id, file_name, size_bytes, sha256, format, status, time_zone, progress)
       VALUES (coalesce(${id}::uuid, gen_random_uuid()), ${ctx.orgId}, ${actorUserId(ctx.actor)}, ${u.fileName}, 0, '',
         ${u.format}, 'processing', ${u.timeZone}, ${JSON.stringify(progress)})
       ON CONFLICT (id) DO NOTHING RETURNING id`,
    );
  const inserted = (await insert(u.id ?? null))[0]?.id;
  if (inserted) {
    return inserted;
  }
  // The id is taken. Only the organisation's own upload is a conflict: another organisation's id must not be
  // revealed (an existence oracle), so the upload goes ahead under a fresh id, as if the id had been free.
  const owner = await queryRows<{ taken: number }>(
    db,
    sql`SELECT 1 AS taken FROM upload WHERE id = ${u.id} AND org_id = ${ctx.orgId}`,
  );
  if (owner.length > 0) {
    throw new AppError('CONFLICT', 'An upload with this uploadId already exists.');
  }
  const fresh = (await insert(null))[0]?.id;
  if (!fresh) {
    throw new Error('could not allocate an upload id');
  }
  return fresh;
}

/** Removes a processing upload that stored nothing (repeated file, cancelled, too large, crashed). */
export async function discardUpload(db: pg.Pool | pg.ClientBase, uploadId: string): Promise<void> {
  await executeSql(pgRunner(db), sql`DELETE FROM upload WHERE id = ${uploadId} AND status = 'processing'`);
}

/** Marks the upload failed with its error report (nothing stored), with an AuditEvent, in one transaction. */
export async function markUploadFailed(
  client: pg.ClientBase,
  ctx: TIngestContext,
  u: {
    uploadId: string;
    fileName: string;
    sizeBytes: number;
    sha256: string;
    format: string;
    rowsTotal: number;
    rowsRejected: number;
    report: TReport;
    at: Date;
  },
): Promise<void> {
  await withTransaction(client, async (tx) => {
    const db = pgRunner(tx);
    await executeSql(
      db,
      sql`UPDATE upload SET size_bytes = ${u.sizeBytes}, sha256 = ${u.sha256}, format = ${u.format}, status = 'failed',
         rows_total = ${u.rowsTotal}, rows_accepted = 0, rows_rejected = ${u.rowsRejected},
         error_report = ${JSON.stringify(u.report)}, completed_at = ${u.at}, progress = NULL
       WHERE id = ${u.uploadId}`,
    );
    await recordAuditEvent(db, ctx, {
      action: 'upload.failed',
      targetType: 'upload',
      targetId: u.uploadId,
      contentHash: u.sha256,
      metadata: { fileName: u.fileName, errorCount: u.report.errorCount },
    });
  });
}
