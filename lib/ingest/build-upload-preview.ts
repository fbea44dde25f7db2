import { distinctModelNames } from '@/lib/emissions/ai-services/resolve-model-names';
import { type DistinctNames, distinctNames } from '@/lib/emissions/name-resolutions';
import { parseAiUsageFile } from './ai-usage/parse-ai-usage-file';
import { isAiUsageFile } from './ai-usage/sniff-ai-usage-file';
import { readCsvTable } from './csv-table';
import { decodeBytes } from './decode-bytes';
import { parseUsageFile } from './parse-usage-file';
import type { IngestFormat, ParseOptions, RowError } from './types';

/** Bytes of a file read for the browser preview (the rest is parsed on the server). */
export const PREVIEW_BYTES = 64 * 1024;

export interface UploadPreview {
  format: IngestFormat;
  needsMapping: boolean;
  headers: string[];
  /** First data rows as raw cells, for the preview table. */
  rows: string[][];
  /** Records the preview part yields, and its problems (the server re-checks the whole file). */
  records: number;
  errors: RowError[];
  /** Distinct accelerator and region names of the previewed records, for the resolution review. */
  names: DistinctNames;
}

/**
 * Preview of the start of a file with the same parser the server uses: detected format, header, first rows
 * and their errors. `head` is the first `PREVIEW_BYTES` of the file; `truncated` says more follows, in which
 * case the partial last line is dropped.
 */
export function buildUploadPreview(
  head: Uint8Array,
  truncated: boolean,
  options: ParseOptions,
  /** Instance types of the catalog: a billing export's GPU rows are recognised by them (AI usage exports). */
  knownInstanceTypes: readonly string[] = [],
): UploadPreview {
  let bytes = head;
  if (truncated) {
    const lastNewline = head.lastIndexOf(0x0a);
    bytes = lastNewline > 0 ? head.subarray(0, lastNewline + 1) : head;
  }
  const decoded = decodeBytes(bytes);
  if (isAiUsageFile(bytes)) {
    return aiUsagePreview(
      bytes,
      truncated,
      options.fileName,
      decoded.ok ? decoded.text : '',
      knownInstanceTypes,
    );
  }
  const result = parseUsageFile(bytes, options);
  const table = decoded.ok ? readCsvTable(decoded.text) : null;
  return {
    format: result.format,
    needsMapping: Boolean(result.needsMapping),
    headers: result.headers,
    rows: (table?.rows ?? []).slice(0, 5).map((r) => r.fields),
    records: result.records.length,
    errors: result.errors.slice(0, 20),
    names: distinctNames(result.records.map((r) => r.record)),
  };
}

/**
 * Preview of an AI-service usage export (issue #21): rows and parse errors of the start of the file, and its
 * names for the review (model names are resolved on the server, where the model repository is); a JSON page cut
 * at the preview size cannot be parsed, so its errors and names wait for the server.
 */
function aiUsagePreview(
  bytes: Uint8Array,
  truncated: boolean,
  fileName: string,
  text: string,
  knownInstanceTypes: readonly string[],
): UploadPreview {
  const json = /^\s*[[{]/.test(text);
  const result = parseAiUsageFile(bytes, { fileName, knownInstanceTypes });
  const table = json ? null : readCsvTable(text);
  return {
    format: 'ai-usage',
    needsMapping: false,
    headers: table?.header.fields ?? [],
    rows: (table?.rows ?? []).slice(0, 5).map((r) => r.fields),
    records: result.aiRows.length + result.gpuRecords.length,
    errors: json && truncated ? [] : result.errors.slice(0, 20),
    // GPU rows' regions and instance types, and the model names: the same review as other names.
    names: {
      ...distinctNames(result.gpuRecords.map((g) => g.record)),
      models: distinctModelNames(result.aiRows),
    },
  };
}
