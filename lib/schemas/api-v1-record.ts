import { z } from 'zod';
import { ZFactorRef, ZRecordRow } from './api-v1';

/**
 * `GET /api/v1/records/{id}`: one stored record with its inputs, results and provenance (factors used, assumption
 * and ingest flags, methodology version, upload, restatements). Units in the names.
 */
export const ZRecordDetail = ZRecordRow.omit({ waterL: true }).extend({
  acceleratorCount: z.number().nullable(),
  /** Cloud instance type given on the record (template v1.1) and its instance count or instance-hours. */
  instanceType: z.string().nullable(),
  instanceCount: z.number().nullable(),
  instanceHours: z.number().nullable(),
  measuredEnergyKwh: z.number().nullable(),
  /** AI-usage records (issue #21): input and output tokens, and the model repository entry the estimate used. */
  inputTokens: z.number().nullable(),
  outputTokens: z.number().nullable(),
  aiModelRef: z.string().nullable(),
  itEnergyKwh: z.number(),
  pueApplied: z.number(),
  gridZone: z.string().nullable(),
  countryCode: z.string().nullable(),
  intensityGCo2ePerKwh: z.number(),
  intensitySource: z.string(),
  basis: z.string(),
  waterOnsiteL: z.number(),
  waterOffsiteL: z.number(),
  uncertaintyLowKgCo2e: z.number(),
  uncertaintyHighKgCo2e: z.number(),
  methodologyVersion: z.string(),
  assumptionFlags: z.array(z.string()),
  /** Flags set while reading the source (e.g. PUE_REMOVED, LOCATION_MISSING). */
  ingestFlags: z.array(z.string()),
  factorRefs: z.array(ZFactorRef),
  computedAt: z.string(),
  upload: z.object({ id: z.string(), fileName: z.string(), line: z.number().nullable() }).nullable(),
  restatements: z.array(
    z.object({
      field: z.string(),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable(),
      reason: z.string(),
      createdAt: z.string(),
    }),
  ),
});
export type TRecordDetail = z.input<typeof ZRecordDetail>;
