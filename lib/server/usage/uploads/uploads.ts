import 'server-only';
import type pg from 'pg';
import { AppError } from '@/lib/errors';
import { noopTracer, type TIngestTracer } from '@/lib/ingest/ingest-tracer';
import { estimateProcessing } from '@/lib/ingest/processing-estimate';
import type { ParseOptions } from '@/lib/ingest/types';
import { createContinuousCopyRunner } from '../../db/continuous-copy-runner';
import { getPgPool } from '../../db/pg-pool';
import { executeSql, sql } from '../../db/sql';
import { withTransaction } from '../../db/sql-runner';
import { createStagingWriter } from '../staging-writer';
import { createUploadParseStream } from './ai-usage-upload-stream';
import { completeUpload } from './finish-upload';
import { createRecordStager, type TRecordStager } from './record-stager';
import { resolveIngestInputs, type TIngestInputs } from './resolve-ingest-inputs';
import { createCopyQueue, type TCopyQueue } from './upload-copy-queue';
import { createRecordIdCheck, type TRecordIdCheck } from './upload-duplicates';
import { createUploadFileReader, type TUploadFileReader } from './upload-file-reader';
import { withUploadSlot } from './upload-gate';
import { markUploadInterrupted } from './upload-lifecycle';
import { createProgressReporter, type TProgressReporter, type TUploadProgress } from './upload-progress';
import { getUpload, type TUploadDto } from './upload-queries';
import { createProcessingUpload, discardUpload, markUploadFailed, type TIngestContext } from './upload-rows';
import { type TUpsertOutcome, upsertUploadRecords } from './upsert-upload-records';

export type { TIngestContext } from './upload-rows';

/** Default upload size limit: 1 GiB (override with UPLOAD_MAX_BYTES). */
export const DEFAULT_UPLOAD_MAX_BYTES = 1024 ** 3;

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
  /** Client-chosen UUID of the upload, so the page can poll its progress while the request runs. */
  uploadId?: string;
  /** Declared file size (Content-Length, browser file size) for the progress bar; null when unknown. */
  bytesTotal?: number | null;
  /** Times the pipeline's stages (bench:ingest records them); none by default. */
  tracer?: TIngestTracer;
}

/** One upload as it goes through the pipeline: who, which file, with what, and the upload row's id. */
interface TUploadRun {
  ctx: TIngestContext;
  input: TIngestUploadInput;
  inputs: TIngestInputs;
  uploadId: string;
  computedAt: Date;
  tracer: TIngestTracer;
  now: () => Date;
}

/** The stage objects of one upload's data transaction. */
interface TUploadStages {
  reader: TUploadFileReader;
  ids: TRecordIdCheck;
  copies: TCopyQueue;
  stager: TRecordStager;
  progress: TProgressReporter;
}

/**
 * Imports one usage file as a pipeline of stages (docs/decisions/ingest.md): resolve the organisation's factors,
 * settings and contracts → decode and parse the streamed bytes → compute footprints → stage (COPY into temp
 * tables, batch by batch) → one set-based upsert → finish (Upload row, AuditEvent), all in one transaction.
 * All-or-nothing unless `validOnly`; a failed upload keeps only its Upload row and error report. The same file
 * (sha256) again returns the existing upload (`repeated`) and adds nothing. Progress is written to the upload
 * row while processing; a DELETE meanwhile cancels the import.
 */
export async function ingestUpload(
  ctx: TIngestContext,
  input: TIngestUploadInput,
  now: () => Date = () => new Date(),
): Promise<{ upload: TUploadDto; repeated: boolean }> {
  const tracer = input.tracer ?? noopTracer;
  const inputs = await tracer.span('resolve', () => resolveIngestInputs(ctx, input.parse.timeZone));
  const pool = getPgPool();
  const uploadId = await createProcessingUpload(pool, ctx, {
    ...(input.uploadId ? { id: input.uploadId } : {}),
    fileName: input.fileName,
    format: input.parse.mapping ? 'mapped' : 'generic',
    timeZone: inputs.timeZone,
    bytesTotal: input.bytesTotal ?? null,
  });
  const run: TUploadRun = { ctx, input, inputs, uploadId, computedAt: now(), tracer, now };
  // Waits for an upload slot (lib/server/usage/uploads/upload-gate.ts), then holds two connections: the data
  // transaction and `side` for progress and clean-up, so an upload never waits for a third while holding one.
  // The DTO is read after both are released.
  const outcome = await withUploadSlot(async () => {
    const client = await pool.connect();
    const side = await pool.connect().catch((error: unknown) => {
      client.release();
      throw error;
    });
    try {
      return await runUpload(run, client, side);
    } finally {
      side.release();
      client.release();
    }
  });
  return { upload: (await getUpload(ctx, outcome.id)) as TUploadDto, repeated: outcome.repeated };
}

/** Runs the upload's transaction and handles how it ended (repeated, failed, cancelled, interrupted). */
async function runUpload(
  run: TUploadRun,
  client: pg.PoolClient,
  side: pg.PoolClient,
): Promise<{ id: string; repeated: boolean }> {
  // On the upload's clock, so the time-left estimate and the upload's own timestamps agree (and tests can step it).
  const progress = createProgressReporter(side, run.uploadId, undefined, () => run.now().getTime());
  try {
    // Rolled back unless the records were stored: a repeated file or a failed one keeps nothing of it.
    const ended = await withTransaction(client, () => storeUpload(run, client, progress), {
      rollbackIf: (e) => e.kind !== 'stored',
    });
    if (ended.kind === 'repeated') {
      await discardUpload(side, run.uploadId);
      return { id: ended.id, repeated: true };
    }
    if (ended.kind === 'failed') {
      const { result } = ended;
      await run.tracer.span('finish', () =>
        markUploadFailed(client, run.ctx, {
          uploadId: run.uploadId,
          fileName: run.input.fileName,
          sizeBytes: result.sizeBytes,
          sha256: result.sha256,
          format: result.format,
          rowsTotal: result.summary.stats.rows,
          rowsRejected: result.summary.stats.rejected,
          report: result.report,
          at: run.now(),
        }),
      );
      run.tracer.count('finish', 1);
    }
    return { id: run.uploadId, repeated: false };
  } catch (error) {
    if (error instanceof AppError) {
      // The caller's doing (cancelled, too large, bad parameters): nothing was stored and nothing is kept.
      await discardUpload(side, run.uploadId).catch(() => undefined);
    } else {
      // Lost database or server fault: the upload stays visible as failed with the reason (start-up recovery
      // does it if the database is still unreachable now), and the same file can be uploaded again.
      await markUploadInterrupted(run.uploadId, error);
    }
    throw error;
  }
}

/** The data transaction: stages wired on `client`, the file read and staged, then upsert and finish. */
async function storeUpload(
  run: TUploadRun,
  client: pg.PoolClient,
  progress: TProgressReporter,
): Promise<TUpsertOutcome> {
  const { ctx, input, tracer } = run;
  // Every statement of the data transaction goes through one continuous COPY runner: staging COPYs stream while
  // Node parses, and any other statement first waits for them (lib/server/db/continuous-copy-runner.ts).
  const db = createContinuousCopyRunner(client);
  // Held until commit/rollback: tells deleteUpload that this upload is live (cancel it) rather than stale.
  await executeSql(db, sql`SELECT pg_advisory_xact_lock(hashtext('upload:' || ${run.uploadId}))`);
  // Cancelled (or its row deleted) while it waited for a slot: stop before reading the file.
  await progress.assertNotCancelled();
  const writer = await createStagingWriter(db, run.computedAt);
  // record_id uniqueness is checked in SQL (upload-duplicates.ts), fed by the parser as it reads the ids.
  const ids = await createRecordIdCheck(db);
  const copies = createCopyQueue(tracer, db);
  const stream = createUploadParseStream(
    {
      ...input.parse,
      timeZone: run.inputs.timeZone,
      fileName: input.fileName,
      checkRecord: run.inputs.checkRecord,
      now: run.computedAt,
      onRecordId: (recordId, line, column) => ids.add(recordId, line, column),
    },
    run.inputs,
    tracer,
  );
  const stages: TUploadStages = {
    reader: createUploadFileReader(stream, input.maxBytes ?? uploadMaxBytes()),
    ids,
    copies,
    stager: createRecordStager({ inputs: run.inputs, writer, copies, tracer }),
    progress,
  };
  try {
    await readAndStage(run, stages);
  } catch (error) {
    // Cancelled, too large or a failed COPY: the open COPY must end before the ROLLBACK can run.
    await db.abort();
    throw error;
  }
  const upload = {
    id: run.uploadId,
    fileName: input.fileName,
    validOnly: Boolean(input.validOnly),
    mapped: Boolean(input.parse.mapping),
    computedAt: run.computedAt,
    timeZone: run.inputs.timeZone,
  };
  const outcome = await tracer.span('upsert', () =>
    upsertUploadRecords(db, ctx, upload, { ...stages, writer }),
  );
  if (outcome.kind === 'stored') {
    tracer.count('upsert', outcome.upsertedRows);
    await tracer.span('finish', () =>
      completeUpload(client, ctx, { ...upload, at: run.now() }, { ...outcome, totals: stages.stager.totals }),
    );
    tracer.count('finish', 1);
  }
  return outcome;
}

/**
 * Decode → parse → compute → stage for every chunk as it arrives, with progress on the side connection. Once the
 * file has an error and is all-or-nothing, rows are still parsed (for the report) but no longer staged.
 */
async function readAndStage(run: TUploadRun, stages: TUploadStages): Promise<void> {
  const { reader, ids, copies, stager, progress } = stages;
  const startedMs = progress.now();
  const progressOf =
    (stage: TUploadProgress['stage']) =>
    (atMs: number): TUploadProgress => {
      const { stats } = reader.summary();
      const sample = {
        rowsProcessed: stats.rows,
        bytesProcessed: reader.sizeBytes,
        bytesTotal: run.input.bytesTotal ?? null,
      };
      return {
        stage,
        ...sample,
        rowsRejected: stats.rejected,
        ...estimateProcessing({ ...sample, elapsedMs: atMs - startedMs, fileRead: stage === 'storing' }),
      };
    };
  const shouldStage = () => run.input.validOnly || reader.summary().errors.length === 0;
  for await (const chunk of run.input.chunks) {
    const records = reader.push(chunk);
    await copies.send(() => ids.flush());
    if (shouldStage()) {
      await stager.add(records);
    } else {
      stager.drop();
    }
    await progress.report(progressOf('parsing'));
  }
  const last = reader.end();
  if (shouldStage()) {
    await stager.finish(last);
  } else {
    stager.drop();
    await stager.finish([]);
  }
  await progress.report(progressOf('storing'), true);
}
