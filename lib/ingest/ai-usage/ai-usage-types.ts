import type { TAiRowOverrides, TAiUsageEstimateRow } from '@/lib/emissions/ai-services/estimate-ai-usage-row';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { RowError } from '../types';
import type { TEdgeUsage } from './edge-usage';

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

/** Per-row overrides of the AI usage template (the EcoLogits test rows carry their own size, PUE, WUE and mix). */
export type TAiUsageOverrides = TAiRowOverrides;

/**
 * One normalised row of third-party AI usage: tokens of one model over one period. The fields the estimate reads
 * (`TAiUsageEstimateRow`: line, provider name of reference/ai-services/providers.csv or null when a billing export
 * names none, raw model string and how it is looked up, tokens, requests, mean latency, region, quantity basis
 * (`priced` = read from a billing quantity, not a usage meter), overrides) plus what groups and dates it.
 */
export interface TAiUsageRow extends TAiUsageEstimateRow {
  /** The service as the export names it (e.g. "Azure OpenAI", a FOCUS ServiceName). */
  service: string;
  /** Half-open period in UTC (ISO 8601). */
  periodStart: string;
  periodEnd: string;
  /** Cached input tokens (part of inputTokens), when the export splits them. */
  cachedInputTokens: number | null;
  team: string | null;
  project: string | null;
  /** Other organisational keys (workspace, API key, deployment, account, labels). */
  tags: Record<string, string>;
  /** On-device inference (provider `edge`, issue #21 item 6): device figures instead of a model's tokens. */
  edge?: TEdgeUsage;
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
