import 'server-only';
import { AppError } from '@/lib/errors';
import { buildQuarterlyEsgReport } from '@/lib/reports/build-quarterly-esg-report';
import type { TEsgReport } from '@/lib/reports/report-model';
import { withSignOff } from '@/lib/reports/report-snapshot';
import { getQuarterAggregates } from '@/lib/server/reports/quarter-aggregates';
import { findSignOffNames } from '@/lib/server/reports/report-sign-off';
import { getReportVersion } from '@/lib/server/reports/report-versions';

export interface TLoadedReport {
  report: TEsgReport;
  /** A frozen version's stored JSON text (served byte for byte); null for the live report. */
  frozenJson: string | null;
}

/**
 * The report an export serialises, org-scoped: `version` undefined → the live provisional report built now;
 * a number or 'latest' → that frozen version with its sign-off block (preparer, reviewer, approver) filled in.
 * Used by the export route and by the print page, so the PDF shows the model the other formats serialise.
 */
export async function loadExportReport(
  ctx: { orgId: string },
  period: string,
  version: number | 'latest' | undefined,
  generatedAt: Date,
): Promise<TLoadedReport> {
  if (version === undefined) {
    return {
      report: buildQuarterlyEsgReport(await getQuarterAggregates(ctx, period), { generatedAt }),
      frozenJson: null,
    };
  }
  const frozen = await getReportVersion(ctx, period, version);
  if (!frozen) {
    throw new AppError(
      'NOT_FOUND',
      `No frozen report for ${period}${version === 'latest' ? '' : ` version ${version}`}.`,
    );
  }
  const names = await findSignOffNames(ctx, [frozen.createdById, frozen.reviewedById, frozen.approvedById]);
  const who = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  const report = withSignOff(frozen.report, {
    preparedBy: who(frozen.createdById),
    preparedAt: frozen.createdAt.toISOString(),
    reviewedBy: who(frozen.reviewedById),
    reviewedAt: frozen.reviewedAt?.toISOString() ?? null,
    approvedBy: who(frozen.approvedById),
    approvedAt: frozen.approvedAt?.toISOString() ?? null,
  });
  return { report, frozenJson: frozen.contentJson };
}
