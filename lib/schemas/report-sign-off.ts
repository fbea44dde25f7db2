import { z } from 'zod';
import { ZReportPeriodKey } from './report-export';

/** POST /api/v1/reports/{period}/versions/{version}/{step}: the sign-off step to take. */
export const ZReportSignOffParams = z.object({
  period: ZReportPeriodKey,
  version: z.coerce.number().int().positive().max(1_000_000),
  step: z.enum(['review', 'approve']),
});

/** A frozen report version as the API returns it (no content; export it with GET …/export?version=N). */
export const ZReportVersionResponse = z.object({
  created: z.boolean().optional(),
  period: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'final', 'restated']),
  workflow: z.enum(['draft', 'reviewed', 'approved']),
  contentSha256: z.string(),
  changes: z.number().int(),
  createdById: z.string().nullable(),
  createdAt: z.string(),
  reviewedById: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  approvedById: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type TReportVersionResponse = z.infer<typeof ZReportVersionResponse>;
