import 'server-only';
import type { IngestFormat, RowError } from '@/lib/ingest/types';
import { queryRows, rawSql, sql, type TSqlDb } from '../../db/sql';
import { pgRunner } from '../../db/sql-runner';
import type { TUploadTotals } from './upload-summary';

export type TUploadFormat = 'generic' | 'codecarbon' | 'nvidia_smi' | 'mapped' | 'ai_usage';

/** An upload as the API and the Uploads page show it. Totals in kWh and kg CO2e. */
export interface TUploadDto {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  format: TUploadFormat;
  status: 'processing' | 'completed' | 'failed';
  timeZone: string;
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  createdAt: Date;
  completedAt: Date | null;
  uploadedBy: string | null;
  totals: TUploadTotals | null;
  replacement: { created: number; updated: number; unchanged: number } | null;
  errorCount: number;
  warningCount: number;
}

export interface TUploadErrorReport {
  errors: RowError[];
  errorCount: number;
  warnings: RowError[];
  skippedLines?: number[];
}

export function uploadFormatOf(format: IngestFormat, mapped: boolean): TUploadFormat {
  if (mapped) {
    return 'mapped';
  }
  if (format === 'ai-usage') {
    return 'ai_usage';
  }
  return format === 'nvidia-smi' ? 'nvidia_smi' : format === 'codecarbon' ? 'codecarbon' : 'generic';
}

// Plain pg (no Prisma): ingestUpload returns this DTO, and an ingest process must not load Prisma
// (docs/decisions/ingest-perf.md). Columns as the DTO names them; the uploader's name and email for `uploadedBy`.
// A constant without values, so spliced in with rawSql; the WHERE clauses below bind theirs.
const UPLOAD_SQL =
  rawSql(`SELECT u.id, u.file_name AS "fileName", u.size_bytes AS "sizeBytes", u.sha256, u.format::text,
    u.status::text, u.time_zone AS "timeZone", u.rows_total AS "rowsTotal", u.rows_accepted AS "rowsAccepted",
    u.rows_rejected AS "rowsRejected", u.created_at AS "createdAt", u.completed_at AS "completedAt", u.summary,
    u.error_report AS "errorReport",
    CASE WHEN usr.id IS NULL THEN NULL ELSE json_build_object('name', usr.name, 'email', usr.email) END AS "uploadedBy"
  FROM upload u LEFT JOIN "user" usr ON usr.id = u.uploaded_by_id`);

type TRow = {
  summary: unknown;
  errorReport: unknown;
  uploadedBy: { name: string; email: string } | null;
} & Omit<TUploadDto, 'uploadedBy' | 'totals' | 'replacement' | 'errorCount' | 'warningCount'>;

function toDto(row: TRow): TUploadDto {
  const { summary, errorReport, uploadedBy, ...rest } = row;
  const s = summary as
    | ({ totals: TUploadTotals } & { created: number; updated: number; unchanged: number })
    | null;
  const report = errorReport as TUploadErrorReport | null;
  return {
    ...rest,
    uploadedBy: uploadedBy ? uploadedBy.name || uploadedBy.email : null,
    totals: s?.totals ?? null,
    replacement: s ? { created: s.created, updated: s.updated, unchanged: s.unchanged } : null,
    errorCount: report?.errorCount ?? 0,
    warningCount: report?.warnings.length ?? 0,
  };
}

export async function getUpload(ctx: { orgId: string }, id: string): Promise<TUploadDto | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) {
    return null;
  }
  const [row] = await queryRows<TRow>(
    pgRunner(),
    sql`${UPLOAD_SQL} WHERE u.id = ${id}::uuid AND u.org_id = ${ctx.orgId}::uuid`,
  );
  return row ? toDto(row) : null;
}

/** The organisation's uploads, newest first. */
export async function findUploads(ctx: { orgId: string }, limit = 50): Promise<TUploadDto[]> {
  const rows = await queryRows<TRow>(
    pgRunner(),
    sql`${UPLOAD_SQL} WHERE u.org_id = ${ctx.orgId}::uuid ORDER BY u.created_at DESC LIMIT ${limit}`,
  );
  return rows.map(toDto);
}

/** Errors, warnings and skipped lines of an upload; null if the id is not the organisation's. */
export async function getUploadErrorReport(
  ctx: { orgId: string },
  id: string,
): Promise<(TUploadErrorReport & { fileName: string }) | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) {
    return null;
  }
  const [row] = await queryRows<{ fileName: string; errorReport: unknown }>(
    pgRunner(),
    sql`SELECT file_name AS "fileName", error_report AS "errorReport" FROM upload
      WHERE id = ${id}::uuid AND org_id = ${ctx.orgId}::uuid`,
  );
  if (!row) {
    return null;
  }
  const report = (row.errorReport as TUploadErrorReport | null) ?? {
    errors: [],
    errorCount: 0,
    warnings: [],
  };
  return { ...report, fileName: row.fileName };
}

/** The completed upload of the same file (sha256) in the organisation, if any. */
export async function findExistingUploadBySha(
  db: TSqlDb,
  orgId: string,
  sha256: string,
): Promise<{ id: string; timeZone: string; createdAt: Date } | null> {
  const [row] = await queryRows<{ id: string; time_zone: string; created_at: Date }>(
    db,
    sql`SELECT id, time_zone, created_at FROM upload
        WHERE org_id = ${orgId} AND sha256 = ${sha256} AND status = 'completed'
        ORDER BY created_at LIMIT 1`,
  );
  return row ? { id: row.id, timeZone: row.time_zone, createdAt: row.created_at } : null;
}

/** Errors shown with an upload (UI and API); the full list is the error report download. */
export const SHOWN_ERRORS = 100;

/** An upload with its first 100 row errors (line, column, message) and skipped lines, for the API and UI. */
export async function getUploadWithErrors(
  ctx: { orgId: string },
  id: string,
): Promise<(TUploadDto & { errors: RowError[]; skippedLines: number[] }) | null> {
  const [upload, report] = await Promise.all([getUpload(ctx, id), getUploadErrorReport(ctx, id)]);
  if (!upload || !report) {
    return null;
  }
  return {
    ...upload,
    errors: report.errors.slice(0, SHOWN_ERRORS),
    skippedLines: (report.skippedLines ?? []).slice(0, SHOWN_ERRORS),
  };
}
