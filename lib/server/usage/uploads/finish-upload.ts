import 'server-only';
import type pg from 'pg';
import { recordAuditEvent } from '../../audit/audit-events';
import { pgRunner } from '../../db/sql-runner';
import type { TIngestContext } from './upload-rows';
import type { TApplyResult } from './upload-staging';
import type { TUploadTotals } from './upload-summary';
import type { TUploadResult } from './upsert-upload-records';

/**
 * Finish stage of a stored upload, in its transaction: the Upload row becomes `completed` with its counts,
 * error report and summary (progress cleared), and an AuditEvent records it.
 */
export async function completeUpload(
  client: pg.ClientBase,
  ctx: TIngestContext,
  upload: { id: string; fileName: string; validOnly: boolean; at: Date },
  stored: { result: TUploadResult; applied: TApplyResult; totals: TUploadTotals },
): Promise<void> {
  const { result, applied, totals } = stored;
  const { stats } = result.summary;
  await client.query(
    `UPDATE upload SET size_bytes = $2, sha256 = $3, format = $4, status = 'completed', rows_total = $5,
     rows_accepted = $6, rows_rejected = $7, error_report = $8, summary = $9, completed_at = $10, progress = NULL
   WHERE id = $1`,
    [
      upload.id,
      result.sizeBytes,
      result.sha256,
      result.format,
      stats.rows,
      stats.accepted,
      stats.rejected,
      JSON.stringify(result.report),
      JSON.stringify({ totals, ...applied, duplicatesCollapsed: stats.duplicatesCollapsed }),
      upload.at,
    ],
  );
  await recordAuditEvent(pgRunner(client), ctx, {
    action: 'upload.completed',
    targetType: 'upload',
    targetId: upload.id,
    contentHash: result.sha256,
    metadata: {
      fileName: upload.fileName,
      format: result.format,
      validOnly: upload.validOnly,
      rowsAccepted: stats.accepted,
      rowsRejected: stats.rejected,
      ...applied,
    },
  });
}
