import type { TAiUsageFormat } from './ai-usage-types';

/**
 * The AI-service export a CSV header belongs to, by the field names each export is documented with
 * (docs/CSV_FORMAT.md "AI-service usage exports"); null when it is none of them.
 */
export function detectAiUsageCsvFormat(headers: readonly string[]): TAiUsageFormat | null {
  const has = (...names: string[]) => names.every((n) => headers.includes(n));
  if (
    (has('period_start', 'output_tokens') && (has('provider') || has('active_params_b'))) ||
    has('period_start', 'provider', 'device_class')
  ) {
    return 'ai-usage-template';
  }
  if (has('start_time', 'num_model_requests', 'output_tokens')) {
    return 'openai-usage-csv';
  }
  if (has('metric_name', 'dimension_ModelId')) {
    return 'bedrock-cloudwatch-csv';
  }
  if (has('metric_name', 'ModelName') || has('metric_name', 'ModelDeploymentName')) {
    return 'azure-monitor-csv';
  }
  if (has('line_item_product_code', 'line_item_usage_amount')) {
    return 'aws-cur2-csv';
  }
  if (has('sku.description', 'usage.amount')) {
    return 'gcp-billing-csv';
  }
  if (has('ChargePeriodStart', 'ServiceCategory')) {
    return 'focus-csv';
  }
  return null;
}

/** What a JSON document is: a usage export we read, a cost report we refuse (money, no tokens), or neither. */
export type TAiJsonKind =
  | { kind: 'usage'; format: TAiUsageFormat }
  | { kind: 'refused'; message: string }
  | null;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Detects the JSON exports by shape: OpenAI pages of buckets, Anthropic reports, Bedrock invocation logs. */
export function detectAiUsageJson(value: unknown): TAiJsonKind {
  const first = Array.isArray(value) ? value[0] : value;
  if (!isObject(first)) {
    return null;
  }
  if ('modelId' in first && isObject(first.input) && isObject(first.output)) {
    return { kind: 'usage', format: 'bedrock-invocation-log' };
  }
  const buckets = Array.isArray(first.data) ? (first.data as unknown[]) : null;
  if (!buckets) {
    return null;
  }
  const results = buckets.flatMap((b) =>
    isObject(b) && Array.isArray(b.results) ? (b.results as unknown[]) : [],
  );
  const sample = results.find(isObject) ?? {};
  const bucket = buckets.find(isObject) ?? {};
  if (first.object === 'page' || 'start_time' in bucket) {
    if (sample.object === 'organization.costs.result') {
      return {
        kind: 'refused',
        message:
          'this is an OpenAI costs report (money, no tokens); export the usage of completions (organization/usage/completions) instead',
      };
    }
    if (sample.object && sample.object !== 'organization.usage.completions.result') {
      return {
        kind: 'refused',
        message: `OpenAI usage results of type "${String(sample.object)}" carry no output tokens; export the completions usage`,
      };
    }
    return { kind: 'usage', format: 'openai-usage-json' };
  }
  if ('starting_at' in bucket) {
    if ('cost_type' in sample || 'amount' in sample) {
      return {
        kind: 'refused',
        message:
          'this is an Anthropic cost report (money, no tokens); export the messages usage report (usage_report/messages) instead',
      };
    }
    return { kind: 'usage', format: 'anthropic-usage-json' };
  }
  return null;
}
