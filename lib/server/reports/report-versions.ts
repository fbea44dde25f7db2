import 'server-only';
import { createHash } from 'node:crypto';
import type { TUserContext } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { buildQuarterlyEsgReport } from '@/lib/reports/build-quarterly-esg-report';
import type { TEsgReport, TFigureChange } from '@/lib/reports/report-model';
import { diffReportFigures, withSnapshotInfo } from '@/lib/reports/report-snapshot';
import { reviewWorkflow, type TReviewWorkflow } from '@/lib/reports/review-rules';
import { toReportJson } from '@/lib/reports/to-report-csv';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../audit/audit-events';
import { getQuarterAggregates } from './quarter-aggregates';

export interface TReportVersionDto {
  id: string;
  period: string;
  version: number;
  status: 'draft' | 'final' | 'restated';
  contentSha256: string;
  changes: number;
  createdById: string | null;
  createdAt: Date;
  approvedById: string | null;
  approvedAt: Date | null;
  reviewedById: string | null;
  reviewedAt: Date | null;
  /** Four-eyes sign-off state (lib/reports/review-rules.ts). */
  workflow: TReviewWorkflow;
}

export const SUMMARY_SELECT = {
  id: true,
  period: true,
  version: true,
  status: true,
  contentSha256: true,
  changes: true,
  createdById: true,
  createdAt: true,
  approvedById: true,
  approvedAt: true,
  reviewedById: true,
  reviewedAt: true,
} as const;

export type SummaryRow = Prisma.ReportVersionGetPayload<{ select: typeof SUMMARY_SELECT }>;

export function toDto(row: SummaryRow): TReportVersionDto {
  return {
    ...row,
    changes: Array.isArray(row.changes) ? row.changes.length : 0,
    workflow: reviewWorkflow(row),
  };
}

/** Versions of one period, newest first. */
export async function listReportVersions(
  ctx: { orgId: string },
  period: string,
): Promise<TReportVersionDto[]> {
  const rows = await getPrisma().reportVersion.findMany({
    where: { orgId: ctx.orgId, period },
    orderBy: { version: 'desc' },
    select: SUMMARY_SELECT,
  });
  return rows.map(toDto);
}

/** One frozen version (or the latest) with its exact JSON text. */
export async function getReportVersion(
  ctx: { orgId: string },
  period: string,
  version: number | 'latest',
): Promise<(TReportVersionDto & { contentJson: string; report: TEsgReport }) | null> {
  const row = await getPrisma().reportVersion.findFirst({
    where: { orgId: ctx.orgId, period, ...(version === 'latest' ? {} : { version }) },
    orderBy: { version: 'desc' },
    select: { ...SUMMARY_SELECT, contentJson: true },
  });
  if (!row) {
    return null;
  }
  return { ...toDto(row), contentJson: row.contentJson, report: JSON.parse(row.contentJson) as TEsgReport };
}

/**
 * Freezes the live report for `period`. First freeze: version 1 (draft). Later freezes: a new restated version
 * listing every changed figure (old, new, delta), or the latest version unchanged when no figure changed.
 */
export async function freezeReport(
  ctx: Pick<TUserContext, 'orgId' | 'actor'>,
  period: string,
  now: Date,
): Promise<{ created: boolean; version: TReportVersionDto }> {
  const prisma = getPrisma();
  const live = buildQuarterlyEsgReport(await getQuarterAggregates(ctx, period), { generatedAt: now });
  const latest = await getReportVersion(ctx, period, 'latest');
  let changes: TFigureChange[] = [];
  if (latest) {
    changes = diffReportFigures(latest.report, live);
    if (changes.length === 0) {
      return { created: false, version: latest };
    }
  }
  const version = (latest?.version ?? 0) + 1;
  const frozen = withSnapshotInfo(live, {
    version,
    status: latest ? 'restated' : 'draft',
    frozenAt: now.toISOString(),
    supersedesVersion: latest?.version ?? null,
    reason: latest ? 'recalculation (data or factor update)' : null,
    changes,
  });
  const contentJson = toReportJson(frozen);
  const contentSha256 = createHash('sha256').update(contentJson).digest('hex');
  try {
    const row = await prisma.$transaction(async (tx) => {
      const created = await tx.reportVersion.create({
        data: {
          orgId: ctx.orgId,
          period,
          version,
          status: latest ? 'restated' : 'draft',
          contentJson,
          contentSha256,
          changes: changes as unknown as Prisma.InputJsonValue,
          createdById: ctx.actor.userId,
          createdAt: now,
        },
        select: SUMMARY_SELECT,
      });
      await recordAuditEvent(tx, ctx, {
        action: 'report.frozen',
        targetType: 'report_version',
        targetId: created.id,
        metadata: { period, version, changes: changes.length },
        contentHash: contentSha256,
      });
      return created;
    });
    return { created: true, version: toDto(row) };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', 'Another freeze of this period finished first; reload and try again.');
    }
    throw error;
  }
}
