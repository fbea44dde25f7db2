import 'server-only';
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { createCatalogCheck } from '@/lib/emissions/catalog-check';
import { computeFootprintsMemo, type FootprintMemo } from '@/lib/emissions/footprint-memo';
import { ensureIndexed } from '@/lib/emissions/index-factor-library';
import { AppError } from '@/lib/errors';
import type { ParsedRecord, ParseOptions, RowError } from '@/lib/ingest/types';
import { createUsageFileStream, type UsageFileStream } from '@/lib/ingest/usage-file-stream';
import { appendAll } from '@/lib/utils/append-all';
import { getOrganization, methodologySettingsFor } from '../../access/organizations';
import { recordAuditEvent } from '../../audit/audit-events';
import { createBackgroundChain } from '../../db/background-chain';
import { getPgPool } from '../../db/pg-pool';
import { pgRunner, withTransaction } from '../../db/sql-runner';
import { findEnergyContracts } from '../../factors/energy-contracts';
import { getCachedFactorLibrary } from '../../factors/factor-library-cache';
import { uploadItemOf } from '../staging-rows';
import { createStagingWriter } from '../staging-writer';
import {
  createRecordIdCheck,
  hasRepeatedExternalIds,
  type TRecordIdCheck,
  unstageLines,
} from './upload-duplicates';
import { withUploadSlot } from './upload-gate';
import { markUploadInterrupted } from './upload-lifecycle';
import { lockUploadContent } from './upload-lock';
import { createProgressReporter } from './upload-progress';
import { findExistingUploadBySha, getUpload, type TUploadDto, uploadFormatOf } from './upload-queries';
import {
  createProcessingUpload,
  discardUpload,
  markUploadFailed,
  type TIngestContext,
  type TReport,
} from './upload-rows';
import { applyStagedRecords } from './upload-staging';
import { addToTotals, emptyTotals } from './upload-summary';

export type { TIngestContext } from './upload-rows';

/** Default upload size limit: 1 GiB (override with UPLOAD_MAX_BYTES). */
export const DEFAULT_UPLOAD_MAX_BYTES = 1024 ** 3;
/** Errors kept in upload.error_report; the count of all errors is always kept. */
const MAX_STORED_ERRORS = 10_000;
/** Records computed and staged per batch (bounded memory; see docs/decisions/ingest.md). */
const BATCH_RECORDS = 500;

export function uploadMaxBytes(): number {
  const configured = Number(process.env.UPLOAD_MAX_BYTES);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_UPLOAD_MAX_BYTES;
}

/** Phase durations in ms: the staging phase split into its parts (sums of per-batch laps), then the upsert. */
export interface TIngestTimings {
  stagingMs?: number;
  /** Decode, tokenize, parse, Zod validation and catalog check (stream.push/end). */
  parseMs?: number;
  /** computeFootprintsMemo. */
  engineMs?: number;
  /** Staging rows: content hash, columns, provenance JSON, COPY text. */
  encodeMs?: number;
  /** COPY round trips (staging rows, provenance, record ids). */
  copyMs?: number;
  /** ANALYZE, duplicate checks, restatements, teams/projects and the upsert incl. its triggers. */
  upsertMs?: number;
}

export interface TIngestUploadInput {
  fileName: string;
  /** The file's bytes, in chunks as they arrive (request body, file stream). */
  chunks: AsyncIterable<Uint8Array>;
  parse: Omit<ParseOptions, 'fileName'>;
  /** Import the valid rows and list the skipped ones, instead of all-or-nothing. */
  validOnly?: boolean;
  maxBytes?: number;
  /** Client-chosen UUID of the upload, so the page can poll its progress while the request runs. */
  uploadId?: string;
  /** Declared file size (Content-Length, browser file size) for the progress bar; null when unknown. */
  bytesTotal?: number | null;
  /** Filled with phase durations in ms (bench:ingest prints them): staging (parse → COPY), upsert. */
  timings?: TIngestTimings;
}

/**
 * Imports one usage file: parse (streamed) → compute footprints with the organisation's factors, settings and
 * contracts → COPY into a staging table batch by batch → one set-based upsert, all in one transaction with the
 * Upload row's completion and an AuditEvent. All-or-nothing unless `validOnly`; a failed upload keeps only its
 * Upload row and error report. The same file (sha256) again returns the existing upload (`repeated`) and adds
 * nothing. Progress is written to the upload row while processing; a DELETE meanwhile cancels the import.
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
  const checkRecord = createCatalogCheck(indexed);
  // Set once the transaction is open, before the first chunk is parsed: record_id uniqueness is checked in SQL.
  let idCheck: TRecordIdCheck | null = null;
  const computedAt = now();
  const stream = createUsageFileStream({
    ...input.parse,
    timeZone,
    fileName: input.fileName,
    checkRecord,
    now: computedAt,
    onRecordId: (recordId, line, column) => idCheck?.add(recordId, line, column),
  });
  const maxBytes = input.maxBytes ?? uploadMaxBytes();
  const bytesTotal = input.bytesTotal ?? null;
  const sha = createHash('sha256');
  const totals = emptyTotals();
  let sizeBytes = 0;
  // Rows staged without a record_id: only they can repeat an external id (identical content) once record_id
  // duplicates are rejected, so the set-based dedupe check runs only when there are some.
  let contentIdRows = 0;
  // Energy contracts are allocated across the whole batch, so with contracts the records are computed at once.
  const holdAll = contracts.length > 0;
  const memo: FootprintMemo = new Map();
  const pool = getPgPool();
  const uploadId = await createProcessingUpload(pool, ctx, {
    ...(input.uploadId ? { id: input.uploadId } : {}),
    fileName: input.fileName,
    format: input.parse.mapping ? 'mapped' : 'generic',
    timeZone,
    bytesTotal,
  });
  const progressNow = (stage: 'parsing' | 'storing') => {
    const { stats } = stream.summary();
    return {
      stage,
      bytesProcessed: sizeBytes,
      bytesTotal,
      rowsProcessed: stats.rows,
      rowsRejected: stats.rejected,
    };
  };
  // Waits for an upload slot (lib/server/usage/uploads/upload-gate.ts), then holds two connections: the data transaction and
  // `side` for progress and clean-up, so an upload never waits for a third while holding one. The DTO is read
  // after both are released.
  const outcome = await withUploadSlot(async () => {
    const client = await pool.connect();
    const side = await pool.connect().catch((error: unknown) => {
      client.release();
      throw error;
    });
    try {
      return await runUpload(client, side);
    } finally {
      side.release();
      client.release();
    }
  });
  return { upload: (await getUpload(ctx, outcome.id)) as TUploadDto, repeated: outcome.repeated };

  async function runUpload(
    client: pg.PoolClient,
    side: pg.PoolClient,
  ): Promise<{ id: string; repeated: boolean }> {
    const progress = createProgressReporter(side, uploadId);
    try {
      // Rolled back unless the records were stored: a repeated file or a failed one keeps nothing of it.
      const ended = await withTransaction(client, storeInTransaction, {
        rollbackIf: (e) => e.kind !== 'completed',
      });
      if (ended.kind === 'repeated') {
        await discardUpload(side, uploadId);
        return { id: ended.id, repeated: true };
      }
      if (ended.kind === 'failed') {
        await markUploadFailed(client, ctx, ended.failure);
      }
      return { id: uploadId, repeated: false };
    } catch (error) {
      if (error instanceof AppError) {
        // The caller's doing (cancelled, too large, bad parameters): nothing was stored and nothing is kept.
        await discardUpload(side, uploadId).catch(() => undefined);
      } else {
        // Lost database or server fault: the upload stays visible as failed with the reason (start-up recovery
        // does it if the database is still unreachable now), and the same file can be uploaded again.
        await markUploadInterrupted(uploadId, error);
      }
      throw error;
    }

    async function storeInTransaction(): Promise<TEnded> {
      const startedMs = performance.now();
      // Held until commit/rollback: tells deleteUpload that this upload is live (cancel it) rather than stale.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('upload:' || $1))`, [uploadId]);
      // Cancelled (or its row deleted) while it waited for a slot: stop before reading the file.
      await progress.assertNotCancelled();
      const db = pgRunner(client);
      const writer = await createStagingWriter(db, computedAt);
      const ids = await createRecordIdCheck(db);
      const chain = createBackgroundChain();
      idCheck = ids;
      const laps = { parseMs: 0, engineMs: 0, encodeMs: 0, copyMs: 0 };
      const stage = async (records: ParsedRecord[]) => {
        let t = performance.now();
        const footprints = computeFootprintsMemo(
          records.map((r) => r.record),
          indexed,
          settings,
          contracts,
          memo,
        );
        laps.engineMs += performance.now() - t;
        t = performance.now();
        records.forEach((parsed, i) => {
          const footprint = footprints[i];
          if (footprint) {
            writer.add(uploadItemOf(parsed, footprint));
            contentIdRows += parsed.record.recordId === undefined ? 1 : 0;
            addToTotals(totals, parsed, footprint);
          }
        });
        laps.encodeMs += performance.now() - t;
        t = performance.now();
        // Waits only for the previous batch's COPY (time Postgres was behind Node); this one loads meanwhile.
        await chain.next(() => writer.flush());
        laps.copyMs += performance.now() - t;
      };
      const shouldStage = () => input.validOnly || stream.summary().errors.length === 0;
      let pending: ParsedRecord[] = [];
      for await (const chunk of input.chunks) {
        sizeBytes += chunk.length;
        if (sizeBytes > maxBytes) {
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            `The file is larger than the upload limit of ${maxBytes} bytes.`,
          );
        }
        sha.update(chunk);
        const tParse = performance.now();
        appendAll(pending, stream.push(chunk));
        const tIds = performance.now();
        laps.parseMs += tIds - tParse;
        await chain.next(() => ids.flush());
        laps.copyMs += performance.now() - tIds;
        if (!shouldStage()) {
          pending = [];
        } else if (!holdAll && pending.length >= BATCH_RECORDS) {
          await stage(pending);
          pending = [];
        }
        await progress.report(() => progressNow('parsing'));
      }
      const tEnd = performance.now();
      appendAll(pending, stream.end());
      laps.parseMs += performance.now() - tEnd;
      if (shouldStage() && pending.length > 0) {
        await stage(pending);
      }
      pending = [];
      const tSettle = performance.now();
      await chain.settle();
      laps.copyMs += performance.now() - tSettle;
      await progress.report(() => progressNow('storing'), true);
      const stagedMs = performance.now();
      const sha256 = sha.digest('hex');
      // Serialises concurrent uploads of the same content: the second sees the first's commit (docs/RELIABILITY.md).
      await lockUploadContent(client, ctx.orgId, sha256);
      const existing = await findExistingUploadBySha(client, ctx.orgId, sha256);
      if (existing) {
        return { kind: 'repeated', id: existing };
      }
      const parsed = stream.summary();
      const duplicateIds = parsed.fatal ? [] : await ids.duplicates(input.fileName);
      const summary = withDuplicateErrors(parsed, duplicateIds);
      const report: TReport = {
        errors: summary.errors.slice(0, MAX_STORED_ERRORS),
        errorCount: summary.errors.length,
        warnings: summary.warnings.slice(0, MAX_STORED_ERRORS),
      };
      const format = uploadFormatOf(summary.format, Boolean(input.parse.mapping));
      // "Import valid rows only": the rows of lines found to reuse a record_id leave the staging table.
      const unstaged = input.validOnly
        ? await unstageLines(
            db,
            duplicateIds.map((e) => e.line),
            totals,
          )
        : 0;
      summary.stats.accepted -= unstaged;
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
        return {
          kind: 'failed',
          failure: {
            uploadId,
            fileName: input.fileName,
            sizeBytes,
            sha256,
            format,
            rowsTotal: summary.stats.rows,
            rowsRejected: summary.stats.rejected,
            report,
            at: now(),
          },
        };
      }
      if (input.validOnly && summary.errors.length > 0) {
        report.skippedLines = [...new Set(summary.errors.map((e) => e.line))].slice(0, MAX_STORED_ERRORS);
      }
      // Temp tables get no statistics from autovacuum; without them the planner may nest-loop the refs join.
      await client.query('ANALYZE upload_staging, upload_staging_refs');
      const applied = await applyStagedRecords(db, {
        orgId: ctx.orgId,
        uploadId,
        reason: `replaced by upload of ${input.fileName}`,
        computedAt,
        dedupe: contentIdRows > 0 && (await hasRepeatedExternalIds(db)),
        stagedRows: writer.stagedRows - unstaged,
        teams: writer.teams,
        projects: writer.projects,
      });
      if (input.timings) {
        Object.assign(input.timings, laps);
        input.timings.stagingMs = stagedMs - startedMs;
        input.timings.upsertMs = performance.now() - stagedMs;
      }
      await client.query(
        `UPDATE upload SET size_bytes = $2, sha256 = $3, format = $4, status = 'completed', rows_total = $5,
         rows_accepted = $6, rows_rejected = $7, error_report = $8, summary = $9, completed_at = $10, progress = NULL
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
          now(),
        ],
      );
      await recordAuditEvent(pgRunner(client), ctx, {
        action: 'upload.completed',
        targetType: 'upload',
        targetId: uploadId,
        contentHash: sha256,
        metadata: {
          fileName: input.fileName,
          format,
          validOnly: Boolean(input.validOnly),
          rowsAccepted: summary.stats.accepted,
          rowsRejected: summary.stats.rejected,
          ...applied,
        },
      });
      return { kind: 'completed' };
    }
  }
}

/** How an upload's data transaction ended: records stored, the same file already stored, or nothing to store. */
type TEnded =
  | { kind: 'completed' }
  | { kind: 'repeated'; id: string }
  | { kind: 'failed'; failure: Parameters<typeof markUploadFailed>[2] };

/** The parser's summary with the duplicate record_id errors found in SQL merged in (line order, rejected lines). */
function withDuplicateErrors(
  summary: ReturnType<UsageFileStream['summary']>,
  duplicates: RowError[],
): ReturnType<UsageFileStream['summary']> {
  if (duplicates.length === 0) {
    return summary;
  }
  const errorLines = new Set(summary.errors.map((e) => e.line));
  const newlyRejected = new Set(duplicates.map((e) => e.line).filter((line) => !errorLines.has(line))).size;
  // Stable sort: a line's own errors keep their order, the duplicate error follows them.
  const errors = [...summary.errors, ...duplicates].sort((a, b) => a.line - b.line);
  return {
    ...summary,
    errors,
    stats: { ...summary.stats, rejected: summary.stats.rejected + newlyRejected },
  };
}
