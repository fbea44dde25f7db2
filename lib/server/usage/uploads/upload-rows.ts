import 'server-only';
import type pg from 'pg';
import { actorUserId, type TOrgContext } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import type { RowError } from '@/lib/ingest/types';
import { recordAuditEvent } from '../../audit/audit-events';
import { pgRunner, withTransaction } from '../../db/sql-runner';

/** Who uploads into which organisation: the uploader is the actor's user (none for the system). */
export type TIngestContext = Pick<TOrgContext, 'orgId' | 'actor'>;

export type TReport = {
  errors: RowError[];
  errorCount: number;
  warnings: RowError[];
  skippedLines?: number[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Inserts the upload row as `processing` (committed at once, outside the upload's transaction) so its progress
 * can be read while the file is processed. `id`: a client-chosen UUID (the page polls it), else generated.
 */
export async function createProcessingUpload(
  pool: pg.Pool,
  ctx: TIngestContext,
  u: { id?: string; fileName: string; format: string; timeZone: string; bytesTotal: number | null },
): Promise<string> {
  if (u.id !== undefined && !UUID.test(u.id)) {
    throw new AppError('INVALID_INPUT', 'uploadId must be a UUID.');
  }
  const progress = {
    stage: 'parsing',
    bytesProcessed: 0,
    bytesTotal: u.bytesTotal,
    rowsProcessed: 0,
    rowsRejected: 0,
  };
  const insert = (id: string | null) =>
    pool.query<{ id: string }>(
      `INSERT INTO upload (id, org_id, uploaded_by_id, file_name, size_bytes, sha256, format, status, time_zone, progress)
       VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, 0, '', $5, 'processing', $6, $7)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [id, ctx.orgId, actorUserId(ctx.actor), u.fileName, u.format, u.timeZone, JSON.stringify(progress)],
    );
  const inserted = (await insert(u.id ?? null)).rows[0]?.id;
  if (inserted) {
    return inserted;
  }
  // The id is taken. Only the organisation's own upload is a conflict: another organisation's id must not be
  // revealed (an existence oracle), so the upload goes ahead under a fresh id, as if the id had been free.
  const owner = await pool.query('SELECT 1 FROM upload WHERE id = $1 AND org_id = $2', [u.id, ctx.orgId]);
  if (owner.rowCount) {
    throw new AppError('CONFLICT', 'An upload with this uploadId already exists.');
  }
  const fresh = (await insert(null)).rows[0]?.id;
  if (!fresh) {
    throw new Error('could not allocate an upload id');
  }
  return fresh;
}

/** Removes a processing upload that stored nothing (repeated file, cancelled, too large, crashed). */
export async function discardUpload(db: pg.Pool | pg.ClientBase, uploadId: string): Promise<void> {
  await db.query(`DELETE FROM upload WHERE id = $1 AND status = 'processing'`, [uploadId]);
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
    await tx.query(
      `UPDATE upload SET size_bytes = $2, sha256 = $3, format = $4, status = 'failed', rows_total = $5,
         rows_accepted = 0, rows_rejected = $6, error_report = $7, completed_at = $8, progress = NULL
       WHERE id = $1`,
      [
        u.uploadId,
        u.sizeBytes,
        u.sha256,
        u.format,
        u.rowsTotal,
        u.rowsRejected,
        JSON.stringify(u.report),
        u.at,
      ],
    );
    await recordAuditEvent(pgRunner(tx), ctx, {
      action: 'upload.failed',
      targetType: 'upload',
      targetId: u.uploadId,
      contentHash: u.sha256,
      metadata: { fileName: u.fileName, errorCount: u.report.errorCount },
    });
  });
}
