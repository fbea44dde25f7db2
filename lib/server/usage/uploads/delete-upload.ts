import 'server-only';
import { AppError } from '@/lib/errors';
import { recordAuditEvent } from '../../audit/audit-events';
import { getPgPool } from '../../db/pg-pool';
import { executeSql, executeSqlCount, queryRows, sql } from '../../db/sql';
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
    const db = pgRunner(client);
    // An upload still being imported holds this lock in its transaction: ask it to stop instead (it then
    // rolls back and removes its row). A processing row nobody holds is left over from a crash: delete it.
    const live = /^[0-9a-f-]{36}$/i.test(id)
      ? await queryRows<{ free: boolean }>(
          db,
          sql`SELECT pg_try_advisory_xact_lock(hashtext('upload:' || ${id})) AS free`,
        )
      : [];
    if (live[0]?.free === false) {
      const flagged = await executeSqlCount(
        client,
        sql`UPDATE upload SET cancel_requested = true
          WHERE id = ${id} AND org_id = ${ctx.orgId} AND status = 'processing'`,
      );
      return flagged > 0 ? { recordsRemoved: 0, cancelled: true } : null;
    }
    const [upload] = /^[0-9a-f-]{36}$/i.test(id)
      ? await queryRows<{ file_name: string; sha256: string }>(
          db,
          sql`SELECT file_name, sha256 FROM upload WHERE id = ${id} AND org_id = ${ctx.orgId} FOR UPDATE`,
        )
      : [];
    if (!upload) {
      throw new AppError('NOT_FOUND', 'Upload not found.');
    }
    // Counted, not returned: an upload may have stored millions of records.
    const recordsRemoved = await executeSqlCount(
      client,
      sql`DELETE FROM usage_record WHERE org_id = ${ctx.orgId} AND upload_id = ${id}`,
    );
    await executeSql(db, sql`DELETE FROM upload WHERE id = ${id} AND org_id = ${ctx.orgId}`);
    await recordAuditEvent(db, ctx, {
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
