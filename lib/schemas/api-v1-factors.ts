import { z } from 'zod';
import {
  FACTOR_OVERRIDE_KINDS,
  ZAcceleratorOverrideInput,
  ZGridFactorOverrideInput,
  ZLocationOverrideInput,
} from './factor-override';

/** `GET /api/v1/factors?zone=FR`: grid intensities of one zone (bundled + the organisation's overrides). */
export const ZFactorsQuery = z.object({
  zone: z.string().trim().min(1).max(40).describe('Grid zone or country code, e.g. FR, DE, US-CAL-CISO'),
});

export const ZZoneFactor = z.object({
  id: z.string(),
  zone: z.string(),
  granularity: z.string(),
  basis: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  gCo2ePerKwh: z.number(),
  source: z.string(),
  isOverride: z.boolean(),
});
export const ZZoneFactorList = z.object({ zone: z.string(), factors: z.array(ZZoneFactor) });

/** `GET /api/v1/factors/locations?q=`: provider regions and sites → grid zone, PUE, WUE. */
export const ZLocationsQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Zone, country or region code (substring from 3 chars)'),
});

export const ZLocationRow = z.object({
  id: z.string(),
  provider: z.string(),
  regionCode: z.string(),
  gridZone: z.string(),
  countryCode: z.string().nullable(),
  pue: z.number().nullable(),
  wueLPerKwh: z.number().nullable(),
  source: z.string(),
  datasetVersion: z.string(),
  isOverride: z.boolean(),
});
export const ZLocationList = z.object({ locations: z.array(ZLocationRow) });

/** `POST /api/v1/factors/overrides`: one organisation override; every record is recomputed with it. */
export const ZFactorOverrideCreate = z.object({
  kind: z.enum(FACTOR_OVERRIDE_KINDS),
  override: z.union([ZGridFactorOverrideInput, ZLocationOverrideInput, ZAcceleratorOverrideInput]),
});
/** What the handler parses first (the override is then parsed with its kind's schema). */
export const ZFactorOverrideEnvelope = z.object({
  kind: z.enum(FACTOR_OVERRIDE_KINDS),
  override: z.record(z.string(), z.unknown()),
});
export const OVERRIDE_SCHEMAS = {
  grid: ZGridFactorOverrideInput,
  location: ZLocationOverrideInput,
  accelerator: ZAcceleratorOverrideInput,
} as const;

/** Effect of an override change: records recomputed, changed, restatements written. */
export const ZRecomputeResponse = z.object({
  records: z.number().int(),
  changedRecords: z.number().int(),
  restatements: z.number().int(),
});
