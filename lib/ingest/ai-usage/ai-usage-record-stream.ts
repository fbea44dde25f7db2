import { createRowErrorSink } from '../row-error-sink';
import type { ParsedRecord } from '../types';
import type { UsageFileStream } from '../usage-file-stream';
import { createAiUsageFileStream, type TAiUsageChunk } from './ai-usage-file-stream';
import { aiUsageRecordOf, type TAiRecordContext } from './ai-usage-records';

export interface TAiRecordStreamOptions extends TAiRecordContext {
  fileName: string;
  /** Instance types of the catalog: GPU instance-hour rows of billing exports. */
  knownInstanceTypes: readonly string[];
}

/**
 * An AI-service usage export read as an upload (issue #21): the export parser's rows estimated by the
 * AI-services engine and shaped as usage records (`aiUsageRecordOf`); GPU instance-hour rows of billing exports
 * pass the upload's catalog check and go to the compute engine as instance rows. Same interface as the generic
 * `createUsageFileStream`, so the upload pipeline (compute, stage, upsert, all-or-nothing) is unchanged. Pure.
 */
export function createAiUsageRecordStream(options: TAiRecordStreamOptions): UsageFileStream {
  const parser = createAiUsageFileStream({
    fileName: options.fileName,
    knownInstanceTypes: options.knownInstanceTypes,
  });
  // Problems found after parsing (estimate, schema, catalog), on the rows' lines.
  const sink = createRowErrorSink(options.fileName);
  const count = { accepted: 0 };
  const recordsOf = (chunk: TAiUsageChunk): ParsedRecord[] => {
    const records: ParsedRecord[] = [];
    for (const row of chunk.ai) {
      const record = aiUsageRecordOf(row, options, sink);
      if (record) {
        records.push(record);
      }
    }
    for (const gpu of chunk.gpu) {
      const issues = options.checkRecord?.(gpu.record) ?? [];
      for (const issue of issues) {
        sink.error(gpu.line, issue.field, issue.message);
      }
      if (issues.length === 0) {
        records.push({ line: gpu.line, record: gpu.record, flags: [] });
      }
    }
    count.accepted += records.length;
    return records;
  };
  return {
    push: (bytes) => recordsOf(parser.push(bytes)),
    end: () => recordsOf(parser.end()),
    summary() {
      const parsed = parser.summary();
      const errors = [...parsed.errors, ...sink.errors].sort((a, b) => a.line - b.line);
      const rejected = new Set([...errors.map((e) => e.line)]).size;
      return {
        format: 'ai-usage',
        errors,
        warnings: [...parsed.warnings, ...sink.warnings],
        headers: [],
        // No rows at all (unreadable file, wrong export, bad header): nothing of it can be imported.
        fatal: parsed.errors.length > 0 && parsed.stats.aiRows + parsed.stats.gpuRows === 0,
        stats: {
          rows: parsed.stats.rows,
          accepted: count.accepted,
          rejected,
          duplicatesCollapsed: 0,
        },
      };
    },
  };
}
