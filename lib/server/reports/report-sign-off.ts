import 'server-only';
import type { TUserContext } from '@/lib/auth/actor';
import { assertPermission } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { approvalBlocker, reviewBlocker, type TSignOffState } from '@/lib/reports/review-rules';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../audit/audit-events';
import { SUMMARY_SELECT, type TReportVersionDto, toDto } from './report-versions';

type TStep = 'review' | 'approve';

/**
 * One sign-off step on a frozen version, enforced here (not only in the UI): the four-eyes rules of
 * lib/reports/review-rules.ts, checked inside the transaction with a conditional update so that two concurrent
 * clicks cannot both succeed. Audited (report.reviewed / report.approved) with the content hash.
 */
async function signOff(
  ctx: TUserContext,
  period: string,
  version: number,
  now: Date,
  step: TStep,
): Promise<TReportVersionDto> {
  assertPermission(ctx.role, step === 'review' ? 'reviewReports' : 'approveReports');
  const userId = ctx.actor.userId;
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.reportVersion.findUnique({
      where: { orgId_period_version: { orgId: ctx.orgId, period, version } },
      select: SUMMARY_SELECT,
    });
    if (!row) {
      throw new AppError('NOT_FOUND', `Report ${period} version ${version} not found.`);
    }
    const state: TSignOffState = row;
    const blocker = step === 'review' ? reviewBlocker(state, userId) : approvalBlocker(state, userId);
    if (blocker) {
      const code = blocker.includes('by you') ? 'FORBIDDEN' : 'CONFLICT';
      throw new AppError(code, `Report ${period} version ${version} ${blocker}.`);
    }
    const data =
      step === 'review'
        ? { reviewedById: userId, reviewedAt: now }
        : {
            approvedById: userId,
            approvedAt: now,
            status: row.status === 'draft' ? ('final' as const) : row.status,
          };
    const updated = await tx.reportVersion.updateMany({
      where: {
        id: row.id,
        approvedAt: null,
        ...(step === 'review' ? { reviewedAt: null } : { reviewedAt: { not: null } }),
      },
      data,
    });
    if (updated.count === 0) {
      throw new AppError('CONFLICT', `Report ${period} version ${version} changed meanwhile; reload.`);
    }
    await recordAuditEvent(tx, ctx, {
      action: step === 'review' ? 'report.reviewed' : 'report.approved',
      targetType: 'report_version',
      targetId: row.id,
      metadata: { period, version, preparedBy: row.createdById, reviewedBy: row.reviewedById ?? userId },
      contentHash: row.contentSha256,
    });
    return toDto({ ...row, ...data });
  });
}

/** Second pair of eyes: marks a draft version reviewed (never by its preparer). */
export function reviewReportVersion(ctx: TUserContext, period: string, version: number, now: Date) {
  return signOff(ctx, period, version, now, 'review');
}

/** Final sign-off (draft → final; restated stays restated): needs a review, and a third person. Immutable after. */
export function approveReportVersion(ctx: TUserContext, period: string, version: number, now: Date) {
  return signOff(ctx, period, version, now, 'approve');
}

/** Display names of the people in sign-off blocks, limited to members of the organisation. */
export async function findSignOffNames(
  ctx: { orgId: string },
  userIds: readonly (string | null)[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) {
    return new Map();
  }
  const users = await getPrisma().user.findMany({
    where: { id: { in: ids }, memberships: { some: { orgId: ctx.orgId } } },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((u) => [u.id, `${u.name} <${u.email}>`]));
}
