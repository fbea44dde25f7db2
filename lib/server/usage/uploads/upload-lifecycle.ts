import 'server-only';
import pg from 'pg';
import { systemActor } from '@/lib/auth/actor';
import { recordAuditEvent } from '../../audit/audit-events';
import { getPgPool } from '../../db/pg-pool';
import { executeSql, queryRows, sql } from '../../db/sql';
import { pgRunner, withTransaction } from '../../db/sql-runner';

/*
 * The Upload row lives outside the data transaction: it is committed as `processing` before any record is
 * written (createProcessingUpload in upload-rows.ts), so a crash, a kill or a lost database can never leave an
 * upload that nobody sees. The data transaction commits records and `completed` together; anything else ends as
 * `failed`, either right away (`markUploadInterrupted`) or at the next start (`recoverInterruptedUploads`).
 * See docs/RELIABILITY.md.
 */

const interruptedReport = (reason: string) => ({
  errors: [{ fileName: '', line: 0, column: null, message: reason }],
  errorCount: 1,
  warnings: [],
});

/**
 * Marks an upload whose data transaction failed (database lost, server error) as failed, on a fresh
 * connection. Best effort: when the database is still unreachable, start-up recovery does it later.
 */
export async function markUploadInterrupted(uploadId: string, error: unknown): Promise<void> {
  const detail = error instanceof Error ? error.message : String(error);
  const report = interruptedReport(
    `the upload was interrupted (${detail.slice(0, 200)}); nothing was stored, upload the file again`,
  );
  await executeSql(
    pgRunner(getPgPool()),
    sql`UPDATE upload SET status = 'failed', completed_at = now(), error_report = ${JSON.stringify(report)}
       WHERE id = ${uploadId} AND status = 'processing'`,
  ).catch(() => undefined);
}

/**
 * Start-up recovery: uploads still `processing` that were opened before `startedBefore` belong to a process
 * that died (kill, crash, power loss); their data transaction was rolled back by Postgres, so they are marked
 * failed with a reason and an audit event, and the same file can be uploaded again. Run it when the server
 * starts (scripts/db/prepare-database.ts), before it accepts uploads. Returns the ids recovered.
 */
export async function recoverInterruptedUploads(startedBefore: Date): Promise<string[]> {
  // Own connection (not the app pool), so start-up scripts exit promptly afterwards; the transaction is the
  // app's helper on that connection.
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await withTransaction(client, async () => {
      const db = pgRunner(client);
      const report = interruptedReport(
        'the server stopped while this upload was processing; nothing was stored, upload the file again',
      );
      const stale = await queryRows<{ id: string; org_id: string; file_name: string }>(
        db,
        sql`UPDATE upload SET status = 'failed', completed_at = now(), error_report = ${JSON.stringify(report)}
          WHERE status = 'processing' AND created_at < ${startedBefore}
          RETURNING id, org_id, file_name`,
      );
      for (const row of stale) {
        await recordAuditEvent(
          db,
          { orgId: row.org_id, actor: systemActor('start-up recovery of interrupted uploads') },
          {
            action: 'upload.interrupted',
            targetType: 'upload',
            targetId: row.id,
            metadata: { fileName: row.file_name, recoveredAt: 'startup' },
          },
        );
      }
      return stale.map((r) => r.id);
    });
  } finally {
    await client.end();
  }
}
