import { z } from 'zod';
import { ZCodecarbonTimestamp } from './codecarbon-api';

/**
 * CodeCarbon's organisation → project → experiment objects as its client and CLI read and create them
 * (codecarbon/core/api_client.py, carbonserver schemas). An experiment holds WHERE its runs execute; we add
 * the PUE and WUE the tracker was configured with (CodeCarbon's emission posts carry neither), so live runs
 * can be computed from IT energy in the right grid zone.
 */

const text = (max: number) => z.string().trim().max(max).nullish();

export const ZCodecarbonExperimentCreate = z.object({
  timestamp: ZCodecarbonTimestamp,
  name: z.string().trim().min(1).max(200),
  description: text(2000),
  on_cloud: z.boolean().default(false),
  /** Our project id (GET /organizations/{id}/projects); omit for no project. */
  project_id: z.uuid().nullish(),
  country_name: text(100),
  /** ISO 3166-1 alpha-3 as CodeCarbon sends it (FRA, USA); alpha-2 accepted too. */
  country_iso_code: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}$/, 'expected an ISO 3166-1 alpha-3 (or alpha-2) country code')
    .nullish(),
  region: text(100),
  cloud_provider: text(50),
  cloud_region: text(100),
  /** Extension: the PUE the tracker applied (CodeCarbon `pue`, default 1.0), 1–5. */
  pue: z.number().finite().min(1).max(5).nullish(),
  /** Extension: the WUE the tracker applied, L/kWh (CodeCarbon `wue`, default 0). */
  wue: z.number().finite().nonnegative().max(50).nullish(),
});
export type TCodecarbonExperimentCreate = z.output<typeof ZCodecarbonExperimentCreate>;

export const ZCodecarbonExperiment = z.object({
  id: z.uuid(),
  timestamp: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  on_cloud: z.boolean(),
  project_id: z.uuid().nullable(),
  country_name: z.string().nullable(),
  country_iso_code: z.string().nullable(),
  region: z.string().nullable(),
  cloud_provider: z.string().nullable(),
  cloud_region: z.string().nullable(),
  pue: z.number().nullable(),
  wue: z.number().nullable(),
});
export type TCodecarbonExperiment = z.output<typeof ZCodecarbonExperiment>;
export const ZCodecarbonExperimentList = z.array(ZCodecarbonExperiment);

export const ZCodecarbonProjectCreate = z.object({
  name: z.string().trim().min(1).max(200),
  description: text(2000),
  /** CodeCarbon sends it; the token's organisation is used whatever the value. */
  organization_id: z.string().nullish(),
});

export const ZCodecarbonProject = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  organization_id: z.uuid(),
});
export const ZCodecarbonProjectList = z.array(ZCodecarbonProject);

export const ZCodecarbonOrganization = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
});
export const ZCodecarbonOrganizationList = z.array(ZCodecarbonOrganization);

/** GET /auth/check: who the api key belongs to (the CodeCarbon CLI only checks for a 200). */
export const ZCodecarbonAuthCheck = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  organization_id: z.uuid(),
  role: z.string(),
});
