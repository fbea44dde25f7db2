import 'server-only';
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { computeFootprintsMemo, type FootprintMemo } from '@/lib/emissions/footprint-memo';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { AppError } from '@/lib/errors';
import type { ParsedRecord, ParseOptions, RowError } from '@/lib/ingest/types';
import { createUsageFileStream } from '@/lib/ingest/usage-file-stream';
import { findEnergyContracts } from './energy-contracts';
import { getCachedFactorLibrary } from './factor-library-cache';
import { getOrganization, methodologySettingsFor } from './organizations';
import { toCopyCsvLine } from './pg-copy';
import { getPgPool } from './pg-pool';
import { pgRunner } from './sql-runner';
import { findExistingUploadBySha, getUpload, type TUploadDto, uploadFormatOf } from './upload-queries';
import { applyStagedRecords, COPY_STAGING_SQL, createStagingTable, toStagingRow } from './upload-staging';
import { addToTotals, emptyTotals, hash53 } from './upload-summary';

/** Default upload size limit: 1 GiB (override with UPLOAD_MAX_BYTES). */
export const DEFAULT_UPLOAD_MAX_BYTES = 1024 ** 3;
/** Errors kept in upload.error_report; the count of all errors is always kept. */
const MAX_STORED_ERRORS = 10_000;
/** Records computed and staged per batch (bounded memory; see docs/decisions/ingest.md). */
const BATCH_RECORDS = 2_000;

export function uploadMaxBytes(): number {
  const configured = Number(process.env.UPLOAD_MAX_BYTES);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_UPLOAD_MAX_BYTES;
}

export interface TIngestUploadInput {
  fileName: string;
  /** The file's bytes, in chunks as they arrive (request body, file stream). */
  chunks: AsyncIterable<Uint8Array>;
  parse: Omit<ParseOptions, 'fileName'>;
  /** Import the valid rows and list the skipped ones, instead of all-or-nothing. */
  validOnly?: boolean;
  maxBytes?: number;
}

export interface TIngestContext {
  orgId: string;
  userId: string | null;
  tokenId?: string | null;
}

type TReport = { errors: RowError[]; errorCount: number; warnings: RowError[]; skippedLines?: number[] };

/**
 * Imports one usage file: parse (streamed) → compute footprints with the organisation's factors, settings and
 * contracts → COPY into a staging table → one set-based upsert, all in one transaction with the Upload row and
 * an AuditEvent. All-or-nothing unless `validOnly`; a failed upload keeps only its Upload row and error report.
 * The same file (sha256) again returns the existing upload (`repeated`) and adds nothing.
 */
export async function ingestUpload(
  ctx: TIngestContext,
  input: TIngestUploadInput,
  now: () => Date = () => new Date(),
): Promise<{ upload: TUploadDto; repeated: boolean }> {
  const org = await getOrganization(ctx);
  if (!org) {
    throw new AppError('NOT_FOUND', 'Organisation not found.');
  }
  const [library, contracts] = await Promise.all([getCachedFactorLibrary(ctx), findEnergyContracts(ctx)]);
  const indexed = ensureIndexed(library);
  const settings = methodologySettingsFor(org);
  const timeZone = input.parse.timeZone ?? org.timeZone;
  const stream = createUsageFileStream({ ...input.parse, timeZone, fileName: input.fileName });
  const maxBytes = input.maxBytes ?? uploadMaxBytes();
  const sha = createHash('sha256');
  const totals = emptyTotals();
  const seen = new Set<number>();
  let sizeBytes = 0;
  let maybeDuplicates = false;
  const computedAt = now();
  // Energy contracts are allocated across the whole batch, so with contracts the records are computed at once.
  const holdAll = contracts.length > 0;
  let pending: ParsedRecord[] = [];
  const memo: FootprintMemo = new Map();

  const stage = (records: ParsedRecord[]): string => {
    const footprints = computeFootprintsMemo(
      records.map((r) => r.record),
      indexed,
      settings,
      contracts,
      memo,
    );
    let text = '';
    records.forEach((parsed, i) => {
      const footprint = footprints[i];
      if (!footprint) {
        return;
      }
      const { externalId, row } = toStagingRow(parsed, footprint, computedAt);
      const key = hash53(externalId);
      maybeDuplicates ||= seen.has(key);
      seen.add(key);
      addToTotals(totals, parsed, footprint);
      text += toCopyCsvLine(row);
    });
    return text;
  };
  const shouldStage = () => input.validOnly || stream.summary().errors.length === 0;
  async function* stagingCsv(): AsyncGenerator<string> {
    for await (const chunk of input.chunks) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `The file is larger than the upload limit of ${maxBytes} bytes.`,
        );
      }
      sha.update(chunk);
      pending.push(...stream.push(chunk));
      if (!shouldStage()) {
        pending = [];
      } else if (!holdAll && pending.length >= BATCH_RECORDS) {
        yield stage(pending);
        pending = [];
      }
    }
    pending.push(...stream.end());
    if (shouldStage() && pending.length > 0) {
      yield stage(pending);
    }
    pending = [];
  }

  const client = await getPgPool().connect();
  let released = false;
  try {
    await client.query('BEGIN');
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO upload (org_id, uploaded_by_id, file_name, size_bytes, sha256, format, status, time_zone)
       VALUES ($1, $2, $3, 0, '', $4, 'processing', $5) RETURNING id`,
      [ctx.orgId, ctx.userId, input.fileName, input.parse.mapping ? 'mapped' : 'generic', timeZone],
    );
    const uploadId = inserted.rows[0]?.id as string;
    const db = pgRunner(client);
    await createStagingTable(db);
    await db.copyIn?.(COPY_STAGING_SQL, stagingCsv());
    const sha256 = sha.digest('hex');
    const existing = await findExistingUploadBySha(client, ctx.orgId, sha256);
    if (existing) {
      await client.query('ROLLBACK');
      client.release();
      released = true;
      return { upload: (await getUpload(ctx, existing)) as TUploadDto, repeated: true };
    }
    const summary = stream.summary();
    const report: TReport = {
      errors: summary.errors.slice(0, MAX_STORED_ERRORS),
      errorCount: summary.errors.length,
      warnings: summary.warnings.slice(0, MAX_STORED_ERRORS),
    };
    const format = uploadFormatOf(summary.format, Boolean(input.parse.mapping));
    const failed = summary.fatal || totals.records === 0 || (summary.errors.length > 0 && !input.validOnly);
    if (failed) {
      if (summary.errors.length === 0) {
        report.errors.push({
          fileName: input.fileName,
          line: 1,
          column: null,
          message: 'the file has no data rows',
        });
        report.errorCount = 1;
      }
      await client.query('ROLLBACK');
      const failedId = await recordFailedUpload(client, ctx, {
        fileName: input.fileName,
        sizeBytes,
        sha256,
        format,
        timeZone,
        rowsTotal: summary.stats.rows,
        rowsRejected: summary.stats.rejected,
        report,
        at: now(),
      });
      return { upload: (await getUpload(ctx, failedId)) as TUploadDto, repeated: false };
    }
    if (input.validOnly && summary.errors.length > 0) {
      report.skippedLines = [...new Set(summary.errors.map((e) => e.line))].slice(0, MAX_STORED_ERRORS);
    }
    const applied = await applyStagedRecords(db, {
      orgId: ctx.orgId,
      uploadId,
      reason: `replaced by upload of ${input.fileName}`,
      computedAt,
      dedupe: maybeDuplicates,
    });
    const completedAt = now();
    await client.query(
      `UPDATE upload SET size_bytes = $2, sha256 = $3, format = $4, status = 'completed', rows_total = $5,
         rows_accepted = $6, rows_rejected = $7, error_report = $8, summary = $9, completed_at = $10
       WHERE id = $1`,
      [
        uploadId,
        sizeBytes,
        sha256,
        format,
        summary.stats.rows,
        summary.stats.accepted,
        summary.stats.rejected,
        JSON.stringify(report),
        JSON.stringify({ totals, ...applied, duplicatesCollapsed: summary.stats.duplicatesCollapsed }),
        completedAt,
      ],
    );
    await insertAuditEvent(client, ctx, 'upload.completed', uploadId, sha256, {
      fileName: input.fileName,
      format,
      validOnly: Boolean(input.validOnly),
      rowsAccepted: summary.stats.accepted,
      rowsRejected: summary.stats.rejected,
      ...applied,
    });
    await client.query('COMMIT');
    return { upload: (await getUpload(ctx, uploadId)) as TUploadDto, repeated: false };
  } catch (error) {
    if (!released) {
      await client.query('ROLLBACK').catch(() => undefined);
    }
    throw error;
  } finally {
    if (!released) {
      client.release();
    }
  }
}

async function recordFailedUpload(
  client: pg.ClientBase,
  ctx: TIngestContext,
  u: {
    fileName: string;
    sizeBytes: number;
    sha256: string;
    format: string;
    timeZone: string;
    rowsTotal: number;
    rowsRejected: number;
    report: TReport;
    at: Date;
  },
): Promise<string> {
  await client.query('BEGIN');
  const row = await client.query<{ id: string }>(
    `INSERT INTO upload (org_id, uploaded_by_id, file_name, size_bytes, sha256, format, status, time_zone,
       rows_total, rows_accepted, rows_rejected, error_report, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'failed', $7, $8, 0, $9, $10, $11) RETURNING id`,
    [
      ctx.orgId,
      ctx.userId,
      u.fileName,
      u.sizeBytes,
      u.sha256,
      u.format,
      u.timeZone,
      u.rowsTotal,
      u.rowsRejected,
      JSON.stringify(u.report),
      u.at,
    ],
  );
  const id = row.rows[0]?.id as string;
  await insertAuditEvent(client, ctx, 'upload.failed', id, u.sha256, {
    fileName: u.fileName,
    errorCount: u.report.errorCount,
  });
  await client.query('COMMIT');
  return id;
}

export async function insertAuditEvent(
  client: pg.ClientBase,
  ctx: TIngestContext,
  action: string,
  uploadId: string,
  contentHash: string | null,
  metadata: Record<string, unknown>,
): Promise<void> {
  await client.query(
    `INSERT INTO audit_event (org_id, actor_user_id, actor_token_id, action, target_type, target_id, metadata, content_hash)
     VALUES ($1, $2, $3, $4, 'upload', $5, $6, $7)`,
    [ctx.orgId, ctx.userId, ctx.tokenId ?? null, action, uploadId, JSON.stringify(metadata), contentHash],
  );
}
