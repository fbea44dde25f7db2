import type { TReportVersionResponse } from '@/lib/schemas/report-sign-off';
import type { TReportVersionDto } from '@/lib/server/reports/report-versions';

/** The API shape of a frozen version (dates as ISO strings, no database id). */
export function toVersionJson(v: TReportVersionDto, created?: boolean): TReportVersionResponse {
  return {
    ...(created === undefined ? {} : { created }),
    period: v.period,
    version: v.version,
    status: v.status,
    workflow: v.workflow,
    contentSha256: v.contentSha256,
    changes: v.changes,
    createdById: v.createdById,
    createdAt: v.createdAt.toISOString(),
    reviewedById: v.reviewedById,
    reviewedAt: v.reviewedAt?.toISOString() ?? null,
    approvedById: v.approvedById,
    approvedAt: v.approvedAt?.toISOString() ?? null,
  };
}
