import type { RowError } from '@/lib/ingest/types';
import type { UsageFileSummary } from '@/lib/ingest/usage-file-stream';
import type { TReport } from './upload-rows';

/** Errors kept in upload.error_report; the count of all errors is always kept. */
const MAX_STORED_ERRORS = 10_000;

/** The parser's summary with the duplicate record_id errors found in SQL merged in (line order, rejected lines). */
export function withDuplicateErrors(summary: UsageFileSummary, duplicates: RowError[]): UsageFileSummary {
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

/**
 * The error report stored on the upload (the first errors and warnings, the count of all errors). `failed`:
 * a file with no error but nothing to store says why; `validOnly`: the skipped lines are listed.
 */
export function uploadReportOf(
  summary: UsageFileSummary,
  outcome: { failed: boolean; validOnly: boolean; fileName: string },
): TReport {
  const report: TReport = {
    errors: summary.errors.slice(0, MAX_STORED_ERRORS),
    errorCount: summary.errors.length,
    warnings: summary.warnings.slice(0, MAX_STORED_ERRORS),
  };
  if (outcome.failed && summary.errors.length === 0) {
    report.errors.push({
      fileName: outcome.fileName,
      line: 1,
      column: null,
      message: 'the file has no data rows',
    });
    report.errorCount = 1;
  }
  if (!outcome.failed && outcome.validOnly && summary.errors.length > 0) {
    report.skippedLines = [...new Set(summary.errors.map((e) => e.line))].slice(0, MAX_STORED_ERRORS);
  }
  return report;
}
