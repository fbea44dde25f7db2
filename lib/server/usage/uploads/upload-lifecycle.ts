import 'server-only';
import pg from 'pg';
import { systemActor } from '@/lib/auth/actor';
import { recordAuditEvent } from '../../audit/audit-events';
import { getPgPool } from '../../db/pg-pool';
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
  await getPgPool()
    .query(
      `UPDATE upload SET status = 'failed', completed_at = now(), error_report = $2
       WHERE id = $1 AND status = 'processing'`,
      [
        uploadId,
        JSON.stringify(
          interruptedReport(
            `the upload was interrupted (${detail.slice(0, 200)}); nothing was stored, upload the file again`,
          ),
        ),
      ],
    )
    .catch(() => undefined);
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
      const stale = await client.query<{ id: string; org_id: string; file_name: string }>(
        `UPDATE upload SET status = 'failed', completed_at = now(), error_report = $2
       WHERE status = 'processing' AND created_at < $1
       RETURNING id, org_id, file_name`,
        [
          startedBefore,
          JSON.stringify(
            interruptedReport(
              'the server stopped while this upload was processing; nothing was stored, upload the file again',
            ),
          ),
        ],
      );
      for (const row of stale.rows) {
        await recordAuditEvent(
          pgRunner(client),
          { orgId: row.org_id, actor: systemActor('start-up recovery of interrupted uploads') },
          {
            action: 'upload.interrupted',
            targetType: 'upload',
            targetId: row.id,
            metadata: { fileName: row.file_name, recoveredAt: 'startup' },
          },
        );
      }
      return stale.rows.map((r) => r.id);
    });
  } finally {
    await client.end();
  }
}
