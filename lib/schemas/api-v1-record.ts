import { z } from 'zod';
import { ZFactorRef } from './api-v1';
import { PHASES } from './usage-record';

/**
 * `GET /api/v1/records/{id}`: one stored record with its inputs, results and provenance (factors used, assumption
 * and ingest flags, methodology version, upload, restatements). Units in the names.
 */
export const ZRecordDetail = z.object({
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
  acceleratorCount: z.number().nullable(),
  isMeasured: z.boolean(),
  measuredEnergyKwh: z.number().nullable(),
  itEnergyKwh: z.number(),
  facilityEnergyKwh: z.number(),
  pueApplied: z.number(),
  gridZone: z.string().nullable(),
  countryCode: z.string().nullable(),
  intensityGCo2ePerKwh: z.number(),
  intensitySource: z.string(),
  basis: z.string(),
  locationKgCo2e: z.number(),
  marketKgCo2e: z.number(),
  embodiedKgCo2e: z.number(),
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
