import { createCellReader } from './ai-usage-cells';
import type { TAiCsvReader, TAiUsageOutput } from './ai-usage-output';
import type { TAiUsageRow } from './ai-usage-types';

/** Group keys of an OpenAI completions result kept as tags (null unless grouped by them). */
const OPENAI_TAG_KEYS = ['user_id', 'api_key_id', 'batch', 'service_tier'] as const;

/**
 * One OpenAI completions result (Usage API JSON `organization.usage.completions.result`, or a row of the dashboard
 * CSV export, which has the same names) → a usage row. `input_tokens` includes cached tokens. Empty buckets (no
 * model and no tokens) are skipped.
 */
export function readOpenaiResult(
  line: number,
  get: (column: string) => string | undefined,
  bucket: { start: string; end: string },
  out: TAiUsageOutput,
): void {
  const cells = createCellReader(get, line, out.sink);
  const model = cells.text('model');
  if (!model && !cells.text('input_tokens') && !cells.text('output_tokens')) {
    out.skipped++;
    return;
  }
  const inputTokens = cells.count('input_tokens');
  const outputTokens = cells.count('output_tokens');
  const cached = cells.count('input_cached_tokens', null);
  const requests = cells.count('num_model_requests', null);
  if (!model) {
    out.sink.error(line, 'model', 'model is empty; export the usage grouped by model');
    return;
  }
  if (cells.failed || inputTokens === null || outputTokens === null) {
    return;
  }
  const tags: Record<string, string> = {};
  for (const key of OPENAI_TAG_KEYS) {
    const value = cells.text(key);
    if (value && value.toLowerCase() !== 'null') {
      tags[key] = value;
    }
  }
  const row: TAiUsageRow = {
    line,
    provider: 'openai',
    service: 'OpenAI API',
    modelRaw: model,
    modelLookup: { kind: 'name', provider: 'openai', name: model },
    periodStart: bucket.start,
    periodEnd: bucket.end,
    inputTokens,
    outputTokens,
    cachedInputTokens: cached,
    requests,
    meanLatencyS: null,
    team: null,
    project: cells.text('project_id') || null,
    tags,
    region: null,
    quantityBasis: 'metered',
  };
  out.ai.push(row);
}

/** The dashboard CSV export: one row per bucket × group, Unix-second bounds in start_time/end_time. */
export function createOpenaiUsageCsvReader(): TAiCsvReader {
  return {
    row(line, get, out) {
      const cells = createCellReader(get, line, out.sink);
      if (!cells.text('model') && !cells.text('input_tokens') && !cells.text('output_tokens')) {
        out.skipped++;
        return;
      }
      const start = cells.instant('start_time');
      const end = cells.instant('end_time');
      if (start && end) {
        readOpenaiResult(line, get, { start, end }, out);
      }
    },
    finish() {},
  };
}
