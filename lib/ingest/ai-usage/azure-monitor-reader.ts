import { createCellReader } from './ai-usage-cells';
import type { TAiCsvReader } from './ai-usage-output';

interface TGroup {
  line: number;
  start: string;
  resourceId: string;
  deployment: string;
  model: string;
  prompt: number;
  generated: number;
  requests: number | null;
  /** TokenTransaction (= prompt + completion), checked against the sum. */
  transactions: number | null;
}

/**
 * Azure Monitor platform metrics of an Azure OpenAI resource, one row per metric × time grain × dimensions
 * (`timestamp, resource_id, metric_name, aggregation, ModelDeploymentName, ModelName, …, value`). Rows of one
 * (timestamp, resource, deployment, model) fold into one usage row: ProcessedPromptTokens or InputTokens → input,
 * GeneratedTokens or OutputTokens → output, AzureOpenAIRequests or ModelRequests → requests. TokenTransaction
 * must equal their sum (a warning otherwise). The period is one day from the timestamp (the daily grain of the
 * export; the flattened file does not carry its grain).
 */
export function createAzureMonitorReader(): TAiCsvReader {
  const groups = new Map<string, TGroup>();
  return {
    row(line, get, out) {
      const cells = createCellReader(get, line, out.sink);
      const start = cells.instant('timestamp');
      const value = cells.count('value');
      const model = cells.text('ModelName');
      if (!model) {
        out.sink.error(line, 'ModelName', 'the ModelName dimension is empty; split the metrics by ModelName');
      }
      if (cells.failed || !start || value === null || !model) {
        return;
      }
      const resourceId = cells.text('resource_id');
      const deployment = cells.text('ModelDeploymentName');
      const key = [start, resourceId, deployment, model].join('\u0000');
      const group = groups.get(key) ?? {
        line,
        start,
        resourceId,
        deployment,
        model,
        prompt: 0,
        generated: 0,
        requests: null,
        transactions: null,
      };
      groups.set(key, group);
      const metric = cells.text('metric_name');
      if (metric === 'ProcessedPromptTokens' || metric === 'InputTokens') {
        group.prompt += value;
      } else if (metric === 'GeneratedTokens' || metric === 'OutputTokens') {
        group.generated += value;
      } else if (metric === 'AzureOpenAIRequests' || metric === 'ModelRequests') {
        group.requests = (group.requests ?? 0) + value;
      } else if (metric === 'TokenTransaction' || metric === 'TotalTokens') {
        group.transactions = (group.transactions ?? 0) + value;
      }
    },
    finish(out) {
      for (const g of groups.values()) {
        if (g.transactions !== null && g.transactions !== g.prompt + g.generated) {
          out.sink.warn(
            g.line,
            'value',
            `TokenTransaction (${g.transactions}) differs from prompt + generated tokens (${g.prompt + g.generated}); the separate metrics are used`,
          );
        }
        const account = /\/accounts\/([^/]+)/i.exec(g.resourceId)?.[1];
        out.ai.push({
          line: g.line,
          provider: 'azure-openai',
          service: 'Azure OpenAI',
          modelRaw: g.model,
          modelLookup: { kind: 'name', provider: 'azure-openai', name: g.model },
          periodStart: g.start,
          periodEnd: new Date(Date.parse(g.start) + 86_400_000).toISOString(),
          inputTokens: g.prompt,
          outputTokens: g.generated,
          cachedInputTokens: null,
          requests: g.requests,
          meanLatencyS: null,
          team: null,
          project: null,
          tags: {
            ...(g.deployment ? { deployment: g.deployment } : {}),
            ...(account ? { resource: account } : {}),
          },
          region: null,
          quantityBasis: 'metered',
        });
      }
    },
  };
}
