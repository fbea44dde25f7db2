import { getNodeValue } from 'jsonc-parser';
import { createCsvRowReader } from '../csv-row-reader';
import { createRowErrorSink } from '../row-error-sink';
import { createTextChunkDecoder } from '../text-chunk-decoder';
import type { CsvRow } from '../types';
import type { TAiCsvReader, TAiUsageOutput } from './ai-usage-output';
import { createAiUsageTemplateReader } from './ai-usage-template-reader';
import {
  AI_USAGE_FORMATS,
  type TAiUsageFormat,
  type TAiUsageParseOptions,
  type TAiUsageParseResult,
  type TAiUsageRow,
  type TGpuHoursRecord,
} from './ai-usage-types';
import { createAwsCurReader } from './aws-cur-reader';
import { createAzureMonitorReader } from './azure-monitor-reader';
import { createBedrockCloudwatchReader } from './bedrock-cloudwatch-reader';
import { detectAiUsageCsvFormat, detectAiUsageJson } from './detect-ai-usage-format';
import { createFocusReader } from './focus-reader';
import { createGcpBillingReader } from './gcp-billing-reader';
import { createOpenaiUsageCsvReader } from './openai-usage-reader';
import { jsonLinesAsArray, parseJsonWithLines, readAiUsageJson } from './read-ai-usage-json';

/** JSON exports are API pages (31 daily buckets at most per page); a larger file is not one of them. */
export const MAX_AI_JSON_CHARS = 64 * 1024 * 1024;

/** What one chunk (or the end) of the file produced. */
export interface TAiUsageChunk {
  ai: TAiUsageRow[];
  gpu: TGpuHoursRecord[];
}

export interface TAiUsageFileStream {
  push(bytes: Uint8Array): TAiUsageChunk;
  end(): TAiUsageChunk;
  /** Everything but the rows, once the file is read (`errors` non-empty: store nothing). */
  summary(): Omit<TAiUsageParseResult, 'aiRows' | 'gpuRecords'>;
}

function createCsvReader(
  format: TAiUsageFormat,
  header: CsvRow,
  options: TAiUsageParseOptions,
  out: TAiUsageOutput,
): TAiCsvReader | null {
  const known = new Set(options.knownInstanceTypes.map((n) => n.toLowerCase()));
  const phase = options.gpuPhase ?? 'other';
  switch (format) {
    case 'ai-usage-template':
      return createAiUsageTemplateReader();
    case 'openai-usage-csv':
      return createOpenaiUsageCsvReader();
    case 'bedrock-cloudwatch-csv':
      return createBedrockCloudwatchReader();
    case 'azure-monitor-csv':
      return createAzureMonitorReader();
    case 'aws-cur2-csv':
      return createAwsCurReader(known, phase);
    case 'gcp-billing-csv':
      return createGcpBillingReader(known, phase);
    case 'focus-csv':
      return createFocusReader(header.fields, header.line, out.sink, options.knownInstanceTypes, phase);
    default:
      return null;
  }
}

/**
 * Streaming parser of AI-service usage exports (CSV row by row; JSON pages whole, bounded by
 * `MAX_AI_JSON_CHARS`). The format is detected from the CSV header or the JSON shape, or forced; a file of another
 * export type is a clear error naming what it is. Rows come out normalised with their source lines; any error
 * means the caller stores nothing (all-or-nothing, like uploads). Pure.
 */
export function createAiUsageFileStream(options: TAiUsageParseOptions): TAiUsageFileStream {
  const sink = createRowErrorSink(options.fileName);
  const decoder = createTextChunkDecoder();
  const csv = createCsvRowReader();
  const out: TAiUsageOutput = { ai: [], gpu: [], skipped: 0, sink };
  const state: {
    mode: 'unknown' | 'csv' | 'json' | 'stopped';
    json: string;
    format: TAiUsageFormat | null;
    reader: TAiCsvReader | null;
    header: string[] | null;
    index: Map<string, number>;
    rows: number;
    aiRows: number;
    gpuRows: number;
  } = {
    mode: 'unknown',
    json: '',
    format: null,
    reader: null,
    header: null,
    index: new Map(),
    rows: 0,
    aiRows: 0,
    gpuRows: 0,
  };
  const forced = options.format && options.format !== 'auto' ? options.format : null;

  const take = (): TAiUsageChunk => {
    const chunk = { ai: out.ai, gpu: out.gpu };
    state.aiRows += chunk.ai.length;
    state.gpuRows += chunk.gpu.length;
    out.ai = [];
    out.gpu = [];
    return chunk;
  };
  const stop = (line: number, column: string | null, message: string) => {
    sink.error(line, column, message);
    state.mode = 'stopped';
  };
  const wrongFormat = (detected: TAiUsageFormat | null) =>
    `this file is ${detected ? `a ${AI_USAGE_FORMATS[detected]} file` : 'not an AI-service usage export'}, not a ${AI_USAGE_FORMATS[forced as TAiUsageFormat]} file`;

  const openHeader = (header: CsvRow) => {
    const fields = header.fields.map((f) => f.trim());
    state.header = fields;
    state.index = new Map(fields.map((name, i) => [name, i]));
    const detected = detectAiUsageCsvFormat(fields);
    if (forced && forced !== detected) {
      stop(header.line, null, wrongFormat(detected));
      return;
    }
    if (!detected) {
      stop(
        header.line,
        null,
        `unrecognised header (${fields.slice(0, 6).join(', ')}${fields.length > 6 ? ', …' : ''}); accepted: ${Object.values(AI_USAGE_FORMATS).join(', ')}`,
      );
      return;
    }
    state.format = detected;
    state.reader = createCsvReader(detected, { line: header.line, fields }, options, out);
    if (!state.reader) {
      state.mode = 'stopped';
    }
  };

  const takeRows = (rows: CsvRow[]) => {
    for (const row of rows) {
      if (state.mode !== 'csv') {
        return;
      }
      if (!state.header) {
        openHeader(row);
        continue;
      }
      if (row.fields.every((f) => f.trim() === '')) {
        continue;
      }
      const index = state.index;
      state.rows++;
      const get = (column: string) => {
        const i = index.get(column);
        return i === undefined ? undefined : row.fields[i];
      };
      state.reader?.row(row.line, get, out);
    }
  };

  const feed = (text: string) => {
    if (state.mode === 'unknown') {
      const start = text.trimStart();
      if (!start) {
        return;
      }
      state.mode = start.startsWith('{') || start.startsWith('[') ? 'json' : 'csv';
    }
    if (state.mode === 'json') {
      state.json += text;
      if (state.json.length > MAX_AI_JSON_CHARS) {
        stop(
          1,
          null,
          `the JSON file is over ${MAX_AI_JSON_CHARS / 1024 / 1024} MiB; export fewer buckets per file`,
        );
        state.json = '';
      }
    } else if (state.mode === 'csv') {
      takeRows(csv.push(text));
      const problem = csv.problem();
      if (problem) {
        stop(problem.line, null, problem.message);
      }
    }
  };

  const finishJson = () => {
    const parsed = parseJsonWithLines(jsonLinesAsArray(state.json) ?? state.json, sink);
    state.json = '';
    if (!parsed) {
      return;
    }
    const kind = detectAiUsageJson(getNodeValue(parsed.root));
    if (kind?.kind === 'refused') {
      sink.error(1, null, kind.message);
      return;
    }
    const detected = kind?.format ?? null;
    if (forced && forced !== detected) {
      sink.error(1, null, wrongFormat(detected));
      return;
    }
    if (!detected) {
      sink.error(
        1,
        null,
        `unrecognised JSON export; accepted: ${Object.values(AI_USAGE_FORMATS).join(', ')}`,
      );
      return;
    }
    state.format = detected;
    const rows = { count: 0 };
    readAiUsageJson(detected, parsed.root, parsed.lineOf, out, rows);
    state.rows += rows.count;
  };

  return {
    push(bytes) {
      const text = decoder.push(bytes);
      if (decoder.problem) {
        if (state.mode !== 'stopped') {
          stop(1, null, decoder.problem);
        }
        return take();
      }
      feed(text);
      return take();
    },
    end() {
      const tail = decoder.end();
      if (decoder.problem) {
        if (state.mode !== 'stopped') {
          stop(1, null, decoder.problem);
        }
        return take();
      }
      feed(tail);
      if (state.mode === 'unknown') {
        stop(1, null, 'file is empty');
      } else if (state.mode === 'json') {
        finishJson();
      } else if (state.mode === 'csv') {
        const last = csv.end();
        takeRows([...last.held, ...last.rows]);
        if (last.unterminated !== null) {
          sink.error(last.unterminated, null, 'a quoted value is never closed');
        }
        if (!state.header) {
          sink.error(1, null, 'file is empty');
        }
        state.reader?.finish(out);
      }
      return take();
    },
    summary() {
      const rejected = [...sink.errorLines].length;
      return {
        format: state.format,
        errors: sink.errors,
        warnings: sink.warnings,
        stats: {
          rows: state.rows,
          aiRows: state.aiRows,
          gpuRows: state.gpuRows,
          skipped: out.skipped,
          rejected,
        },
      };
    },
  };
}
