import { z } from 'zod';
import { ZEdgeUsageInput } from './edge-usage-input';

/** Rows per `POST /api/v1/ai-usage` call (the same bound as the records batch). */
export const AI_USAGE_MAX_ROWS = 10_000;

const ZCount = z.number().int().min(0);

/**
 * One row of third-party AI usage sent by an application, a gateway or an LLM client library (issue #21):
 * tokens of one model over a period (one request: startedAt = endedAt, or a day, an hour…). Timestamps carry
 * their offset (a date alone is 00:00 UTC). Idempotent like records: `id` identifies the row, else its content.
 */
export const ZAiUsageInput = z.strictObject({
  id: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .optional()
    .meta({ description: 'Your id of the row (request id, or day + key); re-sending it replaces the row.' }),
  provider: z.string().trim().min(1).max(50).meta({
    description:
      'Service: openai, azure-openai, anthropic, aws-bedrock, google, google-vertex, mistral, cohere, huggingface',
  }),
  model: z.string().trim().min(1).max(200).meta({ description: 'Model name as the provider reports it' }),
  startedAt: z.string().max(40).meta({ description: 'Start, ISO 8601 with offset (or a date)' }),
  endedAt: z.string().max(40).meta({ description: 'End (exclusive), ISO 8601 with offset (or a date)' }),
  inputTokens: ZCount.meta({ description: 'Input (prompt) tokens, cached ones included' }),
  outputTokens: ZCount.meta({ description: 'Output (generated) tokens' }),
  requests: ZCount.optional().meta({ description: 'Requests in the period (default: not known)' }),
  latencyS: z
    .number()
    .positive()
    .max(3600)
    .optional()
    .meta({ description: 'Mean request latency, seconds (caps the per-request generation time)' }),
  region: z.string().trim().min(1).max(100).optional().meta({ description: 'Cloud region of the endpoint' }),
  team: z.string().trim().min(1).max(200).optional(),
  project: z.string().trim().min(1).max(200).optional(),
  // --- On-device inference (issue #21 item 6): a separate branch of the row, with provider "edge". ---
  edge: ZEdgeUsageInput.optional().meta({
    description:
      'On-device inference (provider "edge"): device class, count, ownership, country and energy figures; the token fields are then ignored (send 0)',
  }),
});
export type TAiUsageInput = z.output<typeof ZAiUsageInput>;

export const ZAiUsageBatch = z.array(ZAiUsageInput).min(1).max(AI_USAGE_MAX_ROWS);
