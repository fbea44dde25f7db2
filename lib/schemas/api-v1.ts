import { z } from 'zod';
import { ERROR_STATUS } from '@/lib/errors';
import { PHASES } from './usage-record';

/**
 * Request and response shapes of the HTTP API v1. The OpenAPI document (lib/server/http/openapi/openapi.ts) is generated from
 * these schemas and the contract tests validate real responses with them, so the doc cannot drift.
 * Units are in the names (kWh, kgCO2e, L).
 */

/** Most records one JSON request may carry (estimate and batch ingest). */
export const API_MAX_RECORDS = 10_000;

export const ZErrorEnvelope = z.object({
  error: z.object({
    message: z.string(),
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    status: z.number().int(),
    details: z.unknown().optional(),
    /** 500 only: the request's id in the server logs (lib/server/http/logger.ts), to quote when reporting the error. */
    requestId: z.string().optional(),
  }),
});

/**
 * 429 body: an RFC 9457 problem (application/problem+json) that also carries the usual error envelope, so
 * clients reading `error.code` and generic problem+json clients both understand it.
 */
export const ZRateLimitedProblem = ZErrorEnvelope.extend({
  type: z.string(),
  title: z.string(),
  status: z.literal(429),
  detail: z.string(),
  retryAfterS: z.number().int().positive(),
});

/** One invalid record of a JSON batch: its 0-based index, the field (dotted path) and why. */
export const ZRecordError = z.object({
  index: z.number().int().nonnegative(),
  field: z.string(),
  message: z.string(),
});
export type TRecordError = z.infer<typeof ZRecordError>;

export const ZFactorRef = z.object({
  id: z.string(),
  kind: z.string(),
  value: z.number(),
  unit: z.string(),
  source: z.string(),
  datasetVersion: z.string(),
  basis: z.string().optional(),
});

/** The engine's result for one record (see lib/emissions/footprint-types.ts). */
export const ZRecordFootprint = z.object({
  index: z.number().int().nonnegative(),
  recordId: z.string().nullable(),
  itEnergyKwh: z.number(),
  energyKwh: z.number(),
  pue: z.number(),
  deviceHours: z.number(),
  powerPerDeviceW: z.number().nullable(),
  acceleratorId: z.string().nullable(),
  gridZone: z.string().nullable(),
  countryCode: z.string().nullable(),
  intensityGCo2ePerKwh: z.number(),
  intensitySource: z.string(),
  basis: z.string(),
  locationKgCo2e: z.number(),
  marketKgCo2e: z.number(),
  marketMatchedKwh: z.number(),
  marketAllocations: z.array(
    z.object({
      contractId: z.string(),
      instrumentType: z.string(),
      energyKwh: z.number(),
      gCo2ePerKwh: z.number(),
    }),
  ),
  embodiedKgCo2e: z.number(),
  waterOnsiteL: z.number(),
  waterOffsiteL: z.number(),
  uncertaintyLowKgCo2e: z.number(),
  uncertaintyHighKgCo2e: z.number(),
  isMeasured: z.boolean(),
  methodologyVersion: z.string(),
  factorRefs: z.array(ZFactorRef),
  assumptions: z.array(z.string()),
});

export const ZFootprintTotals = z.object({
  records: z.number().int(),
  itEnergyKwh: z.number(),
  energyKwh: z.number(),
  locationKgCo2e: z.number(),
  marketKgCo2e: z.number(),
  embodiedKgCo2e: z.number(),
  waterOnsiteL: z.number(),
  waterOffsiteL: z.number(),
  measuredRecords: z.number().int(),
  basis: z.string(),
  uncertainty: z.object({ lowKgCo2e: z.number(), highKgCo2e: z.number() }),
});

export const ZEstimateResponse = z.object({
  methodologyVersion: z.string(),
  results: z.array(ZRecordFootprint),
  totals: ZFootprintTotals,
});

export const ZRecordErrorsResponse = ZErrorEnvelope.extend({ errors: z.array(ZRecordError) });

export const SUMMARY_GROUPS = [
  'month',
  'phase',
  'team',
  'project',
  'model',
  'region',
  'accelerator',
  'aiService',
] as const;
export type TSummaryGroup = (typeof SUMMARY_GROUPS)[number];

const ISO_DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** `GET /api/v1/summary`: an explicit UTC day range (both inclusive) and one grouping. */
export const ZSummaryQuery = z.object({
  from: ISO_DAY.describe('First day, inclusive (UTC), YYYY-MM-DD'),
  to: ISO_DAY.describe('Last day, inclusive (UTC), YYYY-MM-DD'),
  groupBy: z.enum(SUMMARY_GROUPS).default('month'),
});

export const ZSummaryGroup = z.object({
  /** Month (YYYY-MM), phase, team/project slug or raw value; null = not set on the records. */
  key: z.string().nullable(),
  label: z.string(),
  records: z.number().int(),
  facilityEnergyKwh: z.number(),
  locationKgCo2e: z.number(),
  marketKgCo2e: z.number(),
  embodiedKgCo2e: z.number(),
  waterL: z.number(),
});
export type TSummaryGroupRow = z.infer<typeof ZSummaryGroup>;

export const ZSummaryResponse = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(SUMMARY_GROUPS),
  groups: z.array(ZSummaryGroup),
});

/** `GET /api/v1/records`: page size and the opaque cursor from the previous page. */
export const ZRecordsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(200).optional(),
});

export const ZRecordRow = z.object({
  id: z.string(),
  externalId: z.string(),
  phase: z.enum(PHASES),
  startedAt: z.string(),
  endedAt: z.string(),
  team: z.string().nullable(),
  project: z.string().nullable(),
  model: z.string().nullable(),
  provider: z.string().nullable(),
  region: z.string().nullable(),
  accelerator: z.string().nullable(),
  facilityEnergyKwh: z.number(),
  locationKgCo2e: z.number(),
  marketKgCo2e: z.number(),
  embodiedKgCo2e: z.number(),
  waterL: z.number(),
  isMeasured: z.boolean(),
  /** Third-party AI service of AI-usage records (openai, anthropic, aws-bedrock …); null for compute. */
  aiService: z.string().nullable(),
});

export const ZRecordsPage = z.object({ data: z.array(ZRecordRow), nextCursor: z.string().nullable() });

export const ZStoreRecordsResponse = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
