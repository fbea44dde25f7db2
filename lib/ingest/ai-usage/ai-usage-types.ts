import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { RowError } from '../types';

/** AI-service usage exports the parser reads (docs/CSV_FORMAT.md "AI-service usage exports"). */
export const AI_USAGE_FORMATS = {
  'ai-usage-template': 'AI usage template',
  'openai-usage-json': 'OpenAI Usage API (completions)',
  'openai-usage-csv': 'OpenAI dashboard usage export',
  'anthropic-usage-json': 'Anthropic usage report (messages)',
  'bedrock-cloudwatch-csv': 'Amazon Bedrock CloudWatch metrics',
  'bedrock-invocation-log': 'Amazon Bedrock invocation log',
  'aws-cur2-csv': 'AWS Cost and Usage Report 2.0',
  'azure-monitor-csv': 'Azure OpenAI Monitor metrics',
  'gcp-billing-csv': 'Google Cloud billing export',
  'focus-csv': 'FinOps FOCUS 1.x cost and usage',
} as const;

export type TAiUsageFormat = keyof typeof AI_USAGE_FORMATS;

/**
 * Per-row overrides of the AI usage template (the EcoLogits test rows carry their own model size, PUE, WUE and
 * electricity mix instead of a provider profile).
 */
export interface TAiUsageOverrides {
  activeParamsB?: number;
  totalParamsB?: number;
  pue?: number;
  wueOnsiteLPerKwh?: number;
  /** kgCO2e per kWh of the electricity mix. */
  gridKgCo2ePerKwh?: number;
  /** Off-site water of the electricity mix, L per kWh. */
  gridWaterLPerKwh?: number;
  /** ISO 3166-1 alpha-3 zone of the EcoLogits electricity mixes (or WOR). */
  zone?: string;
}

/** One normalised row of third-party AI usage: tokens of one model over one period. */
export interface TAiUsageRow {
  /** 1-based physical line of the (first) source row or JSON object. */
  line: number;
  /** Provider name of reference/ai-services/providers.csv; null when a billing export does not say. */
  provider: string | null;
  /** The service as the export names it (e.g. "Azure OpenAI", a FOCUS ServiceName). */
  service: string;
  /** The model string as exported (Bedrock id, Azure model name, SKU description…). */
  modelRaw: string;
  /**
   * How the model is looked up: by exact name (with the EcoLogits or service provider), or by searching the
   * repository's names in `modelRaw` (billing descriptions).
   */
  modelLookup:
    | { kind: 'name'; provider: string | null; name: string }
    | { kind: 'description'; provider: string | null };
  /** Half-open period in UTC (ISO 8601). */
  periodStart: string;
  periodEnd: string;
  inputTokens: number;
  outputTokens: number;
  /** Cached input tokens (part of inputTokens), when the export splits them. */
  cachedInputTokens: number | null;
  requests: number | null;
  /** Mean request latency, s (Bedrock CloudWatch, template); null when unknown. */
  meanLatencyS: number | null;
  team: string | null;
  project: string | null;
  /** Other organisational keys (workspace, API key, deployment, account, labels). */
  tags: Record<string, string>;
  /** Cloud region of the provider when the export gives one. */
  region: string | null;
  /** `priced`: tokens read from a billing quantity, not a usage meter. */
  quantityBasis: 'metered' | 'priced';
  overrides?: TAiUsageOverrides;
}

/** A GPU instance-hour row of a billing export, as a compute usage record (instance-type catalog path). */
export interface TGpuHoursRecord {
  line: number;
  record: TUsageRecordInput;
}

export interface TAiUsageStats {
  /** Data rows or JSON results read. */
  rows: number;
  aiRows: number;
  gpuRows: number;
  /** Billing rows that are neither AI tokens nor GPU hours (storage, CPU VMs, taxes…): not estimated. */
  skipped: number;
  rejected: number;
}

export interface TAiUsageParseResult {
  format: TAiUsageFormat | null;
  aiRows: TAiUsageRow[];
  gpuRecords: TGpuHoursRecord[];
  errors: RowError[];
  warnings: RowError[];
  stats: TAiUsageStats;
}

export interface TAiUsageParseOptions {
  fileName: string;
  /** Force a format; 'auto' (default) detects it from the CSV header or the JSON shape. */
  format?: 'auto' | TAiUsageFormat;
  /** Instance types of the catalog (`reference/instance-types/instance-types.csv` names): GPU rows of billing exports. */
  knownInstanceTypes: readonly string[];
  /** Phase of GPU instance-hour rows (billing exports do not say); default 'other'. */
  gpuPhase?: TUsageRecordInput['phase'];
}
