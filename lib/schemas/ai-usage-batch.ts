import { z } from 'zod';
import { ZEdgeUsageInput } from './edge-usage-input';

/** Rows per `POST /api/v1/ai-usage` call (the same bound as the records batch). */
export const AI_USAGE_MAX_ROWS = 10_000;

const ZCount = z.number().int().min(0);

const ZPositive = z.number().positive().max(100_000);

// --- Stated model size and site (issue #21 worked examples; docs/API.md "Stated model size and site") ---------
// Kept apart from the other fields on purpose: the raw EcoLogits inputs of a row, each one flagged on the record.
const ZStatedModelAndSite = {
  activeParamsB: ZPositive.optional().meta({
    description:
      'Stated model size: active parameters, billions ("a model of N billion parameters"); replaces the repository lookup',
  }),
  totalParamsB: ZPositive.optional().meta({
    description:
      'Stated model size: total parameters, billions (default activeParamsB; above it for mixture-of-experts)',
  }),
  pue: z.number().min(1).max(5).optional().meta({ description: 'Stated data-centre PUE (flagged)' }),
  wueOnsiteLPerKwh: z
    .number()
    .min(0)
    .max(50)
    .optional()
    .meta({ description: 'Stated data-centre on-site water, L per kWh (flagged)' }),
  mixZone: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, {
      error: 'an EcoLogits zone code of 3 letters (ISO alpha-3, or WOR for the world mix)',
    })
    .optional()
    .meta({
      description:
        'Stated electricity-mix zone of EcoLogits (e.g. WOR, FRA, USA): its grid factor gives the location-based CO2e (flagged)',
    }),
  gridKgCo2ePerKwh: z.number().min(0).max(5).optional().meta({
    description:
      'Stated electricity mix, kg CO2e per kWh: the location-based grid factor of the row (flagged)',
  }),
  gridWaterLPerKwh: z
    .number()
    .min(0)
    .max(50)
    .optional()
    .meta({ description: 'Stated electricity mix: off-site water, L per kWh (flagged)' }),
};
// --- end of stated model size and site -----------------------------------------------------------------------

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
  provider: z.string().trim().min(1).max(50).optional().meta({
    description:
      'Service: openai, azure-openai, anthropic, aws-bedrock, google, google-vertex, mistral, cohere, huggingface (required unless activeParamsB is given)',
  }),
  model: z.string().trim().min(1).max(200).optional().meta({
    description:
      'Model name as the provider reports it (required unless activeParamsB is given; then a label)',
  }),
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
  ...ZStatedModelAndSite,
  // --- On-device inference (issue #21 item 6): a separate branch of the row, with provider "edge". ---
  edge: ZEdgeUsageInput.optional().meta({
    description:
      'On-device inference (provider "edge"): device class, count, ownership, country and energy figures; the token fields are then ignored (send 0)',
  }),
});
export type TAiUsageInput = z.output<typeof ZAiUsageInput>;

/**
 * A row must name its model (provider + model) unless it states the model size; an on-device row names its provider
 * ("edge") and may leave the model out (it is informational there).
 */
const ZAiUsageRow = ZAiUsageInput.superRefine((row, ctx) => {
  if (row.activeParamsB !== undefined) {
    return;
  }
  for (const field of row.edge ? (['provider'] as const) : (['provider', 'model'] as const)) {
    if (row[field] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `${field} is required unless the model size is stated (activeParamsB)`,
      });
    }
  }
});

export const ZAiUsageBatch = z.array(ZAiUsageRow).min(1).max(AI_USAGE_MAX_ROWS);
