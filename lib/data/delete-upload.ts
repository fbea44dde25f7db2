import 'server-only';
import { AppError } from '@/lib/errors';
import { getPgPool } from './pg-pool';
import { insertAuditEvent, type TIngestContext } from './uploads';

/**
 * Deletes an upload and the records it stored (their restatement entries go with them), in one transaction
 * with an AuditEvent. Another organisation's id is NOT_FOUND and changes nothing.
 */
export async function deleteUpload(ctx: TIngestContext, id: string): Promise<{ recordsRemoved: number }> {
  const client = await getPgPool().connect();
  try {
    await client.query('BEGIN');
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
    await insertAuditEvent(client, ctx, 'upload.deleted', id, upload.sha256 || null, {
      fileName: upload.file_name,
      recordsRemoved,
    });
    await client.query('COMMIT');
    return { recordsRemoved };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
