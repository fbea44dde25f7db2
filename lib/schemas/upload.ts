import { z } from 'zod';
import { ZColumnMapping } from './column-mapping';
import { PHASES, PROVIDERS } from './usage-record';

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max).optional(),
  );

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(values).optional());

/**
 * Parameters of an upload (POST /api/v1/uploads query or multipart fields, and the Uploads page form).
 * phase/team/project/region/provider are the upload-form defaults: required phase for nvidia-smi, fallbacks
 * for CodeCarbon (docs/CSV_FORMAT.md). `mapping` is a JSON `ColumnMapping` for files with unknown headers.
 */
export const ZUploadParams = z.object({
  format: z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? 'auto' : v),
    z.enum(['auto', 'generic', 'codecarbon', 'nvidia-smi']),
  ),
  phase: optionalEnum(PHASES),
  team: optionalText(200),
  project: optionalText(200),
  region: optionalText(100),
  provider: optionalEnum(PROVIDERS),
  timeZone: optionalText(64),
  validOnly: z.preprocess((v) => v === true || v === 'true' || v === '1' || v === 'on', z.boolean()),
  fileName: optionalText(255),
  /** Client-chosen id of the new upload, so its progress can be polled while the request runs. */
  uploadId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid().optional()),
  mapping: z.preprocess((v, ctx) => {
    if (v === undefined || v === null || v === '') {
      return undefined;
    }
    if (typeof v !== 'string') {
      return v;
    }
    try {
      return JSON.parse(v);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'mapping must be JSON: {"<header>": {"field": "energyKwh", "unit": "Wh"}}',
      });
      return z.NEVER;
    }
  }, ZColumnMapping.optional()),
});
export type TUploadParams = z.infer<typeof ZUploadParams>;

/** Saving a column mapping as a reusable preset of the organisation. */
export const ZColumnMappingPresetInput = z.object({
  name: z.string().trim().min(1).max(80),
  mapping: ZColumnMapping,
});
export type TColumnMappingPresetInput = z.infer<typeof ZColumnMappingPresetInput>;

/** Deleting one upload (the Uploads page's history): its id. */
export const ZDeleteUploadInput = z.object({ uploadId: z.uuid() });
