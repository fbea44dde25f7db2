import { z } from 'zod';
import { ZErrorEnvelope } from './api-v1';

/** Response shapes of the endpoints that predate the JSON API (uploads, me), for the OpenAPI document. */

export const ZRowErrorLine = z.object({
  fileName: z.string(),
  line: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});

export const ZUpload = z.object({
  id: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  format: z.string(),
  status: z.enum(['processing', 'completed', 'failed']),
  timeZone: z.string(),
  rowsTotal: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  uploadedBy: z.string().nullable(),
  totals: z
    .object({
      records: z.number().int(),
      itEnergyKwh: z.number(),
      facilityEnergyKwh: z.number(),
      locationKgCo2e: z.number(),
      marketKgCo2e: z.number(),
      embodiedKgCo2e: z.number(),
      waterL: z.number(),
    })
    .loose()
    .nullable(),
  replacement: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }).nullable(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
});

export const ZUploadDetail = ZUpload.extend({
  errors: z.array(ZRowErrorLine),
  skippedLines: z.array(z.number().int()),
});

/** POST /api/v1/uploads 422: the failed upload (nothing stored) with the error envelope's `error`. */
export const ZUploadRejected = ZUploadDetail.extend(ZErrorEnvelope.shape);

/** GET /api/v1/uploads/{id}/progress: live progress of a processing upload (null once finished). */
export const ZUploadProgress = z.object({
  id: z.string(),
  status: z.enum(['processing', 'completed', 'failed']),
  cancelRequested: z.boolean(),
  progress: z
    .object({
      stage: z.enum(['parsing', 'storing']),
      bytesProcessed: z.number().int(),
      bytesTotal: z.number().int().nullable(),
      rowsProcessed: z.number().int(),
      rowsRejected: z.number().int(),
      rowsTotal: z.number().int().nullable().meta({
        description:
          'Data rows of the file: counted once the file is read, until then extrapolated from the bytes read (rowsTotalEstimated); null without a declared size.',
      }),
      rowsTotalEstimated: z.boolean(),
      rowsPerSecond: z.number().int().nullable().meta({
        description: 'Average rows read per second since the first byte; null in the first second.',
      }),
      etaSeconds: z.number().int().nullable().meta({
        description:
          'Seconds until the file is read at that rate; storing the rows (stage storing) follows. Null when unknown.',
      }),
    })
    .nullable(),
});
export type TUploadProgressResponse = z.infer<typeof ZUploadProgress>;

export const ZUploadList = z.object({ uploads: z.array(ZUpload) });

export const ZUploadDeleted = z.object({ id: z.string(), deleted: z.literal(true) }).loose();

export const ZMeResponse = z.object({
  organization: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  userId: z.string(),
  role: z.enum(['owner', 'admin', 'editor', 'viewer', 'auditor']),
  via: z.enum(['session', 'token']),
});
