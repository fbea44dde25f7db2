import 'server-only';
import { AppError } from '@/lib/errors';
import { recordAuditEvent } from '../../audit/audit-events';
import { getPgPool } from '../../db/pg-pool';
import { pgRunner, withTransaction } from '../../db/sql-runner';
import type { TIngestContext } from './uploads';

/**
 * Deletes an upload and the records it stored (their restatement entries go with them), in one transaction
 * with an AuditEvent; an upload still processing is cancelled instead (`cancelled: true`, nothing stored).
 * Another organisation's id is NOT_FOUND and changes nothing.
 */
export async function deleteUpload(
  ctx: TIngestContext,
  id: string,
): Promise<{ recordsRemoved: number; cancelled?: boolean }> {
  // The cancel branch commits its flag, then reports NOT_FOUND if no row of this organisation was flagged
  // (nothing changed, so the commit is the same as a rollback).
  const outcome = await withTransaction(getPgPool(), async (client) => {
    // An upload still being imported holds this lock in its transaction: ask it to stop instead (it then
    // rolls back and removes its row). A processing row nobody holds is left over from a crash: delete it.
    const live = /^[0-9a-f-]{36}$/i.test(id)
      ? await client.query<{ free: boolean }>(
          `SELECT pg_try_advisory_xact_lock(hashtext('upload:' || $1)) AS free`,
          [id],
        )
      : { rows: [] };
    if (live.rows[0]?.free === false) {
      const flagged = await client.query(
        `UPDATE upload SET cancel_requested = true WHERE id = $1 AND org_id = $2 AND status = 'processing'`,
        [id, ctx.orgId],
      );
      return flagged.rowCount ? { recordsRemoved: 0, cancelled: true } : null;
    }
    const found = /^[0-9a-f-]{36}$/i.test(id)
      ? await client.query<{ file_name: string; sha256: string }>(
          'SELECT file_name, sha256 FROM upload WHERE id = $1 AND org_id = $2 FOR UPDATE',
          [id, ctx.orgId],
        )
      : { rows: [] };
    const upload = found.rows[0];
    if (!upload) {
      throw new AppError('NOT_FOUND', 'Upload not found.');
    }
    const removed = await client.query('DELETE FROM usage_record WHERE org_id = $1 AND upload_id = $2', [
      ctx.orgId,
      id,
    ]);
    await client.query('DELETE FROM upload WHERE id = $1 AND org_id = $2', [id, ctx.orgId]);
    const recordsRemoved = removed.rowCount ?? 0;
    await recordAuditEvent(pgRunner(client), ctx, {
      action: 'upload.deleted',
      targetType: 'upload',
      targetId: id,
      contentHash: upload.sha256 || null,
      metadata: { fileName: upload.file_name, recordsRemoved },
    });
    return { recordsRemoved };
  });
  if (!outcome) {
    throw new AppError('NOT_FOUND', 'Upload not found.');
  }
  return outcome;
}
