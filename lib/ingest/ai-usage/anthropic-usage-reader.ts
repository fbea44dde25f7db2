import { createCellReader } from './ai-usage-cells';
import type { TAiUsageOutput } from './ai-usage-output';

/**
 * One result of the Anthropic messages usage report → a usage row. Total input = uncached + cache creation (5 min
 * and 1 h) + cache reads; the report has no request counts. `get` reads dotted paths (`cache_creation.…`).
 */
export function readAnthropicResult(
  line: number,
  get: (path: string) => string | undefined,
  bucket: { start: string; end: string },
  out: TAiUsageOutput,
): void {
  const cells = createCellReader(get, line, out.sink);
  const model = cells.text('model');
  const uncached = cells.count('uncached_input_tokens');
  const write5m = cells.count('cache_creation.ephemeral_5m_input_tokens');
  const write1h = cells.count('cache_creation.ephemeral_1h_input_tokens');
  const read = cells.count('cache_read_input_tokens');
  const outputTokens = cells.count('output_tokens');
  if (!model || model === 'null') {
    out.sink.error(line, 'model', 'model is empty; request the report with group_by[]=model');
    return;
  }
  if (cells.failed || outputTokens === null) {
    return;
  }
  const tags: Record<string, string> = {};
  for (const key of ['workspace_id', 'api_key_id', 'service_tier', 'context_window', 'inference_geo']) {
    const value = cells.text(key);
    if (value && value !== 'null') {
      tags[key] = value;
    }
  }
  const geo = cells.text('inference_geo');
  out.ai.push({
    line,
    provider: 'anthropic',
    service: 'Anthropic API',
    modelRaw: model,
    modelLookup: { kind: 'name', provider: 'anthropic', name: model },
    periodStart: bucket.start,
    periodEnd: bucket.end,
    inputTokens: (uncached ?? 0) + (write5m ?? 0) + (write1h ?? 0) + (read ?? 0),
    outputTokens,
    cachedInputTokens: read,
    requests: null,
    meanLatencyS: null,
    team: null,
    project: null,
    tags,
    region: geo && geo !== 'null' && geo !== 'not_available' ? geo : null,
    quantityBasis: 'metered',
  });
}
