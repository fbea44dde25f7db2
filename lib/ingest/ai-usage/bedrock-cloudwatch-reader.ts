import { createCellReader } from './ai-usage-cells';
import type { TAiCsvReader } from './ai-usage-output';
import { splitBedrockModelId } from './bedrock-model-id';

interface TGroup {
  line: number;
  start: string;
  periodS: number;
  modelId: string;
  invocations: number | null;
  input: number;
  output: number;
  latencyMs: number | null;
}

/**
 * CloudWatch `AWS/Bedrock` metrics flattened to one row per metric × period × ModelId (`timestamp, metric_name,
 * dimension_ModelId, statistic, period_s, value`). Rows of one (timestamp, model) are folded into one usage row:
 * Invocations → requests, InputTokenCount/OutputTokenCount → tokens, InvocationLatency (Average, ms) → mean
 * latency. Other metrics (errors, throttles, images) are ignored.
 */
export function createBedrockCloudwatchReader(): TAiCsvReader {
  const groups = new Map<string, TGroup>();
  return {
    row(line, get, out) {
      const cells = createCellReader(get, line, out.sink);
      const start = cells.instant('timestamp');
      const modelId = cells.text('dimension_ModelId');
      const metric = cells.text('metric_name');
      const periodS = cells.count('period_s', 86400);
      const value = cells.count('value');
      if (!modelId) {
        out.sink.error(
          line,
          'dimension_ModelId',
          'the ModelId dimension is empty; export the metrics per model',
        );
      }
      if (cells.failed || !start || !modelId || value === null || periodS === null) {
        return;
      }
      const key = `${start}\u0000${modelId}`;
      const group = groups.get(key) ?? {
        line,
        start,
        periodS,
        modelId,
        invocations: null,
        input: 0,
        output: 0,
        latencyMs: null,
      };
      groups.set(key, group);
      if (metric === 'Invocations') {
        group.invocations = (group.invocations ?? 0) + value;
      } else if (metric === 'InputTokenCount') {
        group.input += value;
      } else if (metric === 'OutputTokenCount') {
        group.output += value;
      } else if (metric === 'InvocationLatency' && cells.text('statistic') === 'Average') {
        group.latencyMs = value;
      }
    },
    finish(out) {
      for (const g of groups.values()) {
        const model = splitBedrockModelId(g.modelId);
        out.ai.push({
          line: g.line,
          provider: 'aws-bedrock',
          service: 'Amazon Bedrock',
          modelRaw: g.modelId,
          modelLookup: { kind: 'name', provider: model.provider, name: model.name },
          periodStart: g.start,
          periodEnd: new Date(Date.parse(g.start) + g.periodS * 1000).toISOString(),
          inputTokens: g.input,
          outputTokens: g.output,
          cachedInputTokens: null,
          requests: g.invocations,
          meanLatencyS: g.latencyMs === null ? null : g.latencyMs / 1000,
          team: null,
          project: null,
          tags: {},
          region: null,
          quantityBasis: 'metered',
        });
      }
    },
  };
}
