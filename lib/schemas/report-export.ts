import { z } from 'zod';
import { PERIOD_KEY_PATTERN } from '@/lib/emissions/calendar-periods';

/** Report period key: a quarter "2026-Q3" or a full year "2026". */
export const ZReportPeriodKey = z
  .string()
  .regex(PERIOD_KEY_PATTERN, 'Use a quarter such as 2026-Q3 or a year such as 2026.');

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];

/** Frozen version to export: a number, "latest", or absent for the live provisional report. */
export const ZReportVersionRef = z.union([
  z.literal('latest'),
  z.coerce.number().int().positive().max(1_000_000),
]);

export const ZReportExportQuery = z.object({
  period: ZReportPeriodKey,
  format: z.enum(REPORT_FORMATS).default('json'),
  version: ZReportVersionRef.optional(),
});

export const ZFreezeReportInput = z.object({ period: ZReportPeriodKey });

export const ZApproveReportInput = z.object({
  period: ZReportPeriodKey,
  version: z.coerce.number().int().positive(),
});
