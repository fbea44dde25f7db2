import {
  findNodeAtLocation,
  getNodeValue,
  type Node,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import type { IssueSink } from '../types';
import { toIsoInstant } from './ai-usage-cells';
import type { TAiUsageOutput } from './ai-usage-output';
import type { TAiUsageFormat } from './ai-usage-types';
import { readAnthropicResult } from './anthropic-usage-reader';
import { splitBedrockModelId } from './bedrock-model-id';
import { readOpenaiResult } from './openai-usage-reader';

/** 1-based line of a character offset. */
function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      starts.push(i + 1);
    }
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  };
}

/** Reads dotted paths of a JSON object node as cell text ('' for null or absent). */
function cellsOf(node: Node): (path: string) => string | undefined {
  return (path) => {
    const found = findNodeAtLocation(node, path.split('.'));
    if (!found) {
      return undefined;
    }
    const value: unknown = getNodeValue(found);
    return value === null || typeof value === 'object' ? '' : String(value);
  };
}

/** Parses the JSON text with positions; syntax errors go to the sink with their line. Null when unusable. */
export function parseJsonWithLines(
  text: string,
  sink: IssueSink,
): { root: Node; lineOf: (offset: number) => number } | null {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const lineOf = lineLocator(text);
  const first = errors[0];
  if (first || !root) {
    sink.error(
      first ? lineOf(first.offset) : 1,
      null,
      first ? `invalid JSON: ${printParseErrorCode(first.error)}` : 'invalid JSON: the file is empty',
    );
    return null;
  }
  return { root, lineOf };
}

/**
 * JSON Lines (one object per line, as CloudWatch Logs and S3 deliver Bedrock invocation logs) as one JSON array
 * with the same line numbers (a comma is added at the end of each record's line), or null when the text is not
 * JSON Lines that parse cleanly.
 */
export function jsonLinesAsArray(text: string): string | null {
  if (!/^\s*\{/.test(text) || !/\}[ \t]*\r?\n\s*\{/.test(text)) {
    return null;
  }
  const array = `[${text.trimEnd().replace(/\}([ \t]*)(\r?\n)(\s*)\{/g, '}$1,$2$3{')}]`;
  const errors: ParseError[] = [];
  parseTree(array, errors, { allowTrailingComma: false, disallowComments: true });
  return errors.length === 0 ? array : null;
}

const children = (node: Node | undefined): Node[] => (node?.type === 'array' ? (node.children ?? []) : []);

/** The pages of a JSON export: one page object, or an array of pages. */
const pagesOf = (root: Node): Node[] => (root.type === 'array' ? children(root) : [root]);

/**
 * Reads the JSON exports: OpenAI Usage API pages (completions) and Anthropic messages usage reports (buckets of
 * results, one usage row per result, lines of the result objects), and Bedrock invocation logs (one record or an
 * array of records, one request each).
 */
export function readAiUsageJson(
  format: TAiUsageFormat,
  root: Node,
  lineOf: (offset: number) => number,
  out: TAiUsageOutput,
  rows: { count: number },
): void {
  if (format === 'bedrock-invocation-log') {
    for (const record of root.type === 'array' ? children(root) : [root]) {
      rows.count++;
      readBedrockInvocation(record, lineOf(record.offset), out);
    }
    return;
  }
  const isOpenai = format === 'openai-usage-json';
  for (const page of pagesOf(root)) {
    for (const bucket of children(findNodeAtLocation(page, ['data']))) {
      const get = cellsOf(bucket);
      const line = lineOf(bucket.offset);
      const startRaw = get(isOpenai ? 'start_time' : 'starting_at') ?? '';
      const endRaw = get(isOpenai ? 'end_time' : 'ending_at') ?? '';
      const start = toIsoInstant(startRaw);
      const end = toIsoInstant(endRaw);
      if (!start || !end) {
        out.sink.error(
          line,
          isOpenai ? 'start_time' : 'starting_at',
          'the bucket has no valid start and end time',
        );
        continue;
      }
      for (const result of children(findNodeAtLocation(bucket, ['results']))) {
        rows.count++;
        const read = isOpenai ? readOpenaiResult : readAnthropicResult;
        read(lineOf(result.offset), cellsOf(result), { start, end }, out);
      }
    }
  }
}

function readBedrockInvocation(record: Node, line: number, out: TAiUsageOutput): void {
  const get = cellsOf(record);
  const modelId = get('modelId') ?? '';
  const at = toIsoInstant(get('timestamp') ?? '');
  const input = Number(get('input.inputTokenCount'));
  const output = Number(get('output.outputTokenCount'));
  const problems: [string, string][] = [];
  if (!modelId) {
    problems.push(['modelId', 'modelId is empty']);
  }
  if (!at) {
    problems.push(['timestamp', 'timestamp is not an ISO 8601 date-time']);
  }
  for (const [path, value] of [
    ['input.inputTokenCount', input],
    ['output.outputTokenCount', output],
  ] as const) {
    if (!(Number.isFinite(value) && value >= 0)) {
      problems.push([path, `${path} must be a token count of 0 or more`]);
    }
  }
  for (const [column, message] of problems) {
    out.sink.error(line, column, message);
  }
  if (problems.length > 0 || !at) {
    return;
  }
  const model = splitBedrockModelId(modelId);
  const region = get('inferenceRegion') || get('region') || null;
  out.ai.push({
    line,
    provider: 'aws-bedrock',
    service: 'Amazon Bedrock',
    modelRaw: modelId,
    modelLookup: { kind: 'name', provider: model.provider, name: model.name },
    periodStart: at,
    periodEnd: at,
    inputTokens: input,
    outputTokens: output,
    cachedInputTokens: null,
    requests: 1,
    meanLatencyS: null,
    team: null,
    project: null,
    tags: get('accountId') ? { account: get('accountId') as string } : {},
    region,
    quantityBasis: 'metered',
  });
}
