/**
 * Assumption flags of AI-service estimates (docs/METHODOLOGY.md "AI services"). Stable codes, like
 * `ASSUMPTION_FLAGS` of the compute engine; never default silently.
 */
export const AI_SERVICE_FLAGS = {
  AI_MODEL_SIZE_ESTIMATED:
    'Closed model: its parameter count is an estimate of the model repository (leaks, benchmark parity, prices), not a disclosure.',
  AI_MODEL_MULTIMODAL: 'Multimodal model: the text-generation method may under-estimate image or audio work.',
  AI_MODEL_SIZE_USER_GIVEN:
    'Model size given on the row ("a model of N billion parameters"), not from the repository.',
  AI_INPUT_TOKENS_NOT_COUNTED:
    'Input (prompt) tokens carry no energy in the method: long-context or cached-prompt use is under-estimated.',
  AI_LATENCY_UNKNOWN:
    'No request latency: generation time from the latency fit, not capped by a measured time.',
  AI_LOCATION_PROVIDER_DEFAULT:
    "No region on the row: the provider's default electricity zone of the model repository was used.",
  AI_NO_OUTPUT_TOKENS: 'No output tokens: the method gives no energy for this usage.',
  AI_DISCLOSURE_FACTOR:
    "Energy from the organisation's chosen provider disclosure instead of the model estimate.",
  AI_PRICED_QUANTITY: 'Tokens read from a billing export (priced quantity), not from a usage meter.',
  // Site overrides of a row (AI usage template columns, `POST /api/v1/ai-usage` fields; issue #21 worked examples).
  AI_PUE_STATED: "Stated PUE: the row's data-centre PUE replaced the provider profile's.",
  AI_WUE_STATED: "Stated WUE: the row's on-site water (L/kWh) replaced the provider profile's.",
  AI_MIX_ZONE_STATED:
    "Stated electricity-mix zone: the row's EcoLogits zone gave the grid factor, not the region or the provider default.",
  AI_GRID_MIX_STATED:
    "Stated electricity mix: the row's own grid factor (kg CO2e/kWh) or off-site water (L/kWh) was used.",
  EDGE_DEVICE_BOUNDARY: 'On-device inference: device energy only, no data-centre PUE, no cooling water.',
  EDGE_THIN_EVIDENCE:
    'Energy per token from a thin published reference (one or two measurements), not measured on your devices.',
} as const;

export type TAiServiceFlag = keyof typeof AI_SERVICE_FLAGS;

/**
 * The AI-service flags an AI record keeps in its source data (`source_data.ingestFlags`, beside the parser's
 * other flags), for the record page. Unknown codes and non-AI ingest flags are left out. Pure.
 */
export function aiServiceFlagsOf(sourceData: unknown): TAiServiceFlag[] {
  const flags = (sourceData as { ingestFlags?: unknown } | null)?.ingestFlags;
  return Array.isArray(flags)
    ? flags.filter((f): f is TAiServiceFlag => typeof f === 'string' && Object.hasOwn(AI_SERVICE_FLAGS, f))
    : [];
}
