import 'server-only';
import { AppError } from '@/lib/errors';
import { formatDay } from '@/lib/format/date-time';
import type { UsageFileSummary } from '@/lib/ingest/usage-file-stream';
import { executeSql, sql } from '../../db/sql';
import type { TSqlRunner } from '../../db/sql-runner';
import type { TStagingWriter } from '../staging-writer';
import { unstageLiveRunMatches } from './match-live-runs';
import type { TRecordStager } from './record-stager';
import { hasRepeatedExternalIds, type TRecordIdCheck, unstageLines } from './upload-duplicates';
import type { TUploadFileReader } from './upload-file-reader';
import { lockUploadContent } from './upload-lock';
import { findExistingUploadBySha, type TUploadFormat, uploadFormatOf } from './upload-queries';
import { uploadReportOf, withDuplicateErrors } from './upload-report';
import type { TIngestContext, TReport } from './upload-rows';
import { applyStagedRecords, type TApplyResult } from './upload-staging';

/** The file as read and stored: what the finish stage writes on the upload row. */
export interface TUploadResult {
  sizeBytes: number;
  sha256: string;
  format: TUploadFormat;
  summary: UsageFileSummary;
  report: TReport;
}

/** How the upsert stage ended: the same file was already stored, nothing is stored, or the records are. */
export type TUpsertOutcome =
  | { kind: 'repeated'; id: string }
  | { kind: 'failed'; result: TUploadResult }
  | { kind: 'stored'; result: TUploadResult; applied: TApplyResult; upsertedRows: number };

/**
 * Upsert stage, once every row is staged: a file already stored (same sha256) ends here; otherwise the
 * duplicate record_ids found in SQL join the parser's errors and, unless the file fails (all-or-nothing, no
 * rows), the staged rows go into usage_record with one set-based upsert (`applyStagedRecords`).
 */
export async function upsertUploadRecords(
  db: TSqlRunner,
  ctx: TIngestContext,
  upload: {
    id: string;
    fileName: string;
    validOnly: boolean;
    mapped: boolean;
    computedAt: Date;
    /** IANA zone the file's timestamps without an offset were read in. */
    timeZone: string;
  },
  staged: { reader: TUploadFileReader; ids: TRecordIdCheck; stager: TRecordStager; writer: TStagingWriter },
): Promise<TUpsertOutcome> {
  const { reader, ids, stager, writer } = staged;
  const sha256 = reader.sha256();
  // Serialises concurrent uploads of the same content: the second sees the first's commit (docs/RELIABILITY.md).
  await lockUploadContent(db, ctx.orgId, sha256);
  const existing = await findExistingUploadBySha(db, ctx.orgId, sha256);
  if (existing && existing.timeZone !== upload.timeZone) {
    // The same bytes read in another zone would be other instants: stored beside the first reading they would
    // count the same runs twice (records without record_id are keyed by content). The user decides which reading
    // is right by deleting the first one.
    throw new AppError(
      'CONFLICT',
      `This file was already uploaded on ${formatDay(existing.createdAt)} with its timestamps read in ` +
        `${existing.timeZone}. To read them in ${upload.timeZone} instead, delete that upload first, then upload ` +
        'the file again.',
    );
  }
  if (existing) {
    return { kind: 'repeated', id: existing.id };
  }
  const parsed = reader.summary();
  const duplicateIds = parsed.fatal ? [] : await ids.duplicates(upload.fileName);
  const summary = withDuplicateErrors(parsed, duplicateIds);
  // "Import valid rows only": the rows of lines found to reuse a record_id leave the staging table.
  const unstaged = upload.validOnly
    ? await unstageLines(
        db,
        duplicateIds.map((e) => e.line),
        stager.totals,
      )
    : 0;
  // CodeCarbon rows of runs already posted live stay out (the live record is kept): see match-live-runs.ts.
  const fileOk = !summary.fatal && (summary.errors.length === 0 || upload.validOnly);
  const matchedLive =
    fileOk && summary.format === 'codecarbon'
      ? await unstageLiveRunMatches(db, ctx.orgId, stager.totals)
      : [];
  summary.stats.accepted -= unstaged + matchedLive.length;
  const failed = !fileOk || (stager.totals.records === 0 && matchedLive.length === 0);
  const result: TUploadResult = {
    sizeBytes: reader.sizeBytes,
    sha256,
    format: uploadFormatOf(summary.format, upload.mapped),
    summary,
    report: uploadReportOf(summary, { failed, validOnly: upload.validOnly, fileName: upload.fileName }),
  };
  if (failed) {
    return { kind: 'failed', result };
  }
  // Temp tables get no statistics from autovacuum; without them the planner may nest-loop the refs join.
  await executeSql(db, sql`ANALYZE upload_staging, upload_staging_refs`);
  const upsertedRows = writer.stagedRows - unstaged - matchedLive.length;
  const applied = await applyStagedRecords(db, {
    orgId: ctx.orgId,
    uploadId: upload.id,
    reason: `replaced by upload of ${upload.fileName}`,
    computedAt: upload.computedAt,
    dedupe: stager.contentIdRows > 0 && (await hasRepeatedExternalIds(db)),
    stagedRows: upsertedRows,
    teams: writer.teams,
    projects: writer.projects,
  });
  return { kind: 'stored', result, applied, upsertedRows };
}
