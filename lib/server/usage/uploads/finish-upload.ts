import 'server-only';
import type pg from 'pg';
import { recordAuditEvent } from '../../audit/audit-events';
import { executeSql, sql } from '../../db/sql';
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
  const db = pgRunner(client);
  const summary = { totals, ...applied, duplicatesCollapsed: stats.duplicatesCollapsed };
  await executeSql(
    db,
    sql`UPDATE upload SET size_bytes = ${result.sizeBytes}, sha256 = ${result.sha256}, format = ${result.format},
       status = 'completed', rows_total = ${stats.rows}, rows_accepted = ${stats.accepted},
       rows_rejected = ${stats.rejected}, error_report = ${JSON.stringify(result.report)},
       summary = ${JSON.stringify(summary)}, completed_at = ${upload.at}, progress = NULL
     WHERE id = ${upload.id}`,
  );
  await recordAuditEvent(db, ctx, {
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
