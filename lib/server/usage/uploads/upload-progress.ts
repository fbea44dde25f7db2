import 'server-only';
import type pg from 'pg';
import { AppError } from '@/lib/errors';
import type { TUploadProgressResponse } from '@/lib/schemas/api-v1-uploads';
import { queryRows, sql } from '../../db/sql';
import { pgRunner } from '../../db/sql-runner';

/**
 * What the Uploads page shows while a file is processed: bytes of the file read, rows parsed so far, the file's
 * rows (estimated from its bytes until it is read) and the time left to read it (`estimateProcessing`).
 */
export type TUploadProgress = NonNullable<TUploadProgressResponse['progress']>;

export interface TProgressReporter {
  /**
   * Records progress (computed only when due: at most every `intervalMs`, or always with `force`; `atMs` is the
   * reporter's clock at that moment) and throws CONFLICT "cancelled" when a DELETE asked to cancel the upload.
   */
  report(progress: (atMs: number) => TUploadProgress, force?: boolean): Promise<void>;
  /** The reporter's clock (ms), for the elapsed time of the estimates. */
  now(): number;
  /** Throws CONFLICT "cancelled" if a DELETE cancelled or removed the upload (e.g. while it waited for a slot). */
  assertNotCancelled(): Promise<void>;
}

export const CANCELLED_MESSAGE = 'The upload was cancelled; nothing was stored.';

/**
 * Progress of upload `uploadId`, written with single autocommit statements on the upload's second connection,
 * outside its transaction (which only touches the upload row at its end, so these never wait on it).
 */
export function createProgressReporter(
  db: pg.Pool | pg.ClientBase,
  uploadId: string,
  intervalMs = 400,
  clock: () => number = () => Date.now(),
): TProgressReporter {
  let last = Number.NEGATIVE_INFINITY;
  const runner = pgRunner(db);
  return {
    async report(progress, force = false) {
      const at = clock();
      if (!force && at - last < intervalMs) {
        return;
      }
      last = at;
      const rows = await queryRows<{ cancel_requested: boolean }>(
        runner,
        sql`UPDATE upload SET progress = ${JSON.stringify(progress(at))} WHERE id = ${uploadId} RETURNING cancel_requested`,
      );
      throwIfCancelled(rows);
    },
    now: clock,
    async assertNotCancelled() {
      const rows = await queryRows<{ cancel_requested: boolean }>(
        runner,
        sql`SELECT cancel_requested FROM upload WHERE id = ${uploadId}`,
      );
      throwIfCancelled(rows);
    },
  };
}

// No row: a DELETE removed it while the upload waited for its slot (before it was marked live), also a cancel.
function throwIfCancelled(rows: { cancel_requested: boolean }[]): void {
  if (rows[0]?.cancel_requested ?? true) {
    throw new AppError('CONFLICT', CANCELLED_MESSAGE, { cancelled: true });
  }
}

/** Progress of one upload of the organisation, or null (unknown id, other organisation, discarded upload). */
export async function getUploadProgress(
  ctx: { orgId: string },
  id: string,
): Promise<TUploadProgressResponse | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) {
    return null;
  }
  const [row] = await queryRows<{
    status: TUploadProgressResponse['status'];
    progress: TStoredProgress | null;
    cancel_requested: boolean;
  }>(
    pgRunner(),
    sql`SELECT status, progress, cancel_requested FROM upload WHERE id = ${id} AND org_id = ${ctx.orgId}`,
  );
  return row
    ? {
        id,
        status: row.status,
        cancelRequested: row.cancel_requested,
        progress: withEstimateFields(row.progress),
      }
    : null;
}

type TEstimateKey = 'rowsTotal' | 'rowsTotalEstimated' | 'rowsPerSecond' | 'etaSeconds';
/** Progress as stored: written before the row estimates existed (an upload running across a deploy), it has none. */
type TStoredProgress = Omit<TUploadProgress, TEstimateKey> & Partial<Pick<TUploadProgress, TEstimateKey>>;

function withEstimateFields(progress: TStoredProgress | null): TUploadProgress | null {
  return progress
    ? { rowsTotal: null, rowsTotalEstimated: false, rowsPerSecond: null, etaSeconds: null, ...progress }
    : null;
}
