import { z } from 'zod';

/** Report period key: a quarter "2026-Q3" or a full year "2026". */
export const ZReportPeriodKey = z
  .string()
  .regex(/^\d{4}(-Q[1-4])?$/, 'Use a quarter such as 2026-Q3 or a year such as 2026.');

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];

export const ZReportExportQuery = z.object({
  period: ZReportPeriodKey,
  format: z.enum(REPORT_FORMATS).default('json'),
});
