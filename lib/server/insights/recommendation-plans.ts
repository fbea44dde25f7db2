import 'server-only';
import type { TUserContext } from '@/lib/auth/actor';
import { assertPermission } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import type { TRecommendationScope } from '@/lib/insights/recommendation-types';
import type { TPlanStatus, TRecommendationPlanInput } from '@/lib/schemas/recommendation-plan';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../audit/audit-events';
import { findRecommendations } from './recommendations';

export interface TPlanDto {
  id: string;
  recommendationKey: string;
  title: string;
  scope: TRecommendationScope;
  estimatedAnnualKgCo2e: number;
  ownerUserId: string | null;
  ownerName: string | null;
  status: TPlanStatus;
  dueDate: string | null;
  completedAt: Date | null;
  updatedAt: Date;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The organisation's plans, newest change first, with owner names. */
export async function findRecommendationPlans(ctx: { orgId: string }): Promise<TPlanDto[]> {
  const db = getPrisma();
  const plans = await db.recommendationPlan.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { updatedAt: 'desc' },
  });
  const owners = await findPlanOwners(ctx);
  const names = new Map(owners.map((o) => [o.userId, o.name]));
  return plans.map((p) => ({
    id: p.id,
    recommendationKey: p.recommendationKey,
    title: p.title,
    scope: p.scope as unknown as TRecommendationScope,
    estimatedAnnualKgCo2e: p.estimatedAnnualKgCo2e,
    ownerUserId: p.ownerUserId,
    ownerName: p.ownerUserId ? (names.get(p.ownerUserId) ?? 'former member') : null,
    status: p.status,
    dueDate: day(p.dueDate),
    completedAt: p.completedAt,
    updatedAt: p.updatedAt,
  }));
}

/** Members who can own a plan (anyone in the organisation). */
export async function findPlanOwners(ctx: { orgId: string }): Promise<{ userId: string; name: string }[]> {
  const rows = await getPrisma().membership.findMany({
    where: { orgId: ctx.orgId },
    select: { userId: true, user: { select: { name: true, email: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name || r.user.email }));
}

/**
 * Creates or updates the plan of a recommendation (one per recommendation key) and audits it. A new plan takes its
 * title, scope and estimate from the server's current recommendations, never from the client.
 */
export async function saveRecommendationPlan(
  ctx: TUserContext,
  input: TRecommendationPlanInput,
  now: Date,
): Promise<{ id: string; created: boolean }> {
  assertPermission(ctx.role, 'planInsights');
  const db = getPrisma();
  if (input.ownerUserId) {
    const member = await db.membership.findFirst({
      where: { orgId: ctx.orgId, userId: input.ownerUserId },
    });
    if (!member) {
      throw new AppError('INVALID_INPUT', 'The owner must be a member of this organisation.');
    }
  }
  const existing = await db.recommendationPlan.findUnique({
    where: { orgId_recommendationKey: { orgId: ctx.orgId, recommendationKey: input.recommendationKey } },
  });
  const completedAt =
    input.status === 'done'
      ? new Date(input.completedOn ? `${input.completedOn}T00:00:00Z` : now.toISOString())
      : null;
  const fields = {
    ownerUserId: input.ownerUserId ?? null,
    status: input.status,
    dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null,
    completedAt,
  };
  if (existing) {
    return db.$transaction(async (tx) => {
      await tx.recommendationPlan.update({ where: { id: existing.id }, data: fields });
      await recordAuditEvent(tx, ctx, {
        action: 'recommendation_plan.updated',
        targetType: 'recommendation_plan',
        targetId: existing.id,
        metadata: {
          key: existing.recommendationKey,
          from: {
            status: existing.status,
            ownerUserId: existing.ownerUserId,
            dueDate: day(existing.dueDate),
          },
          to: {
            status: fields.status,
            ownerUserId: fields.ownerUserId,
            dueDate: input.dueDate ?? null,
            completedOn: day(completedAt),
          },
        },
      });
      return { id: existing.id, created: false };
    });
  }
  const recommendation = (await findRecommendations(ctx)).recommendations.find(
    (r) => r.key === input.recommendationKey,
  );
  if (!recommendation) {
    throw new AppError('NOT_FOUND', 'This recommendation is no longer listed; reload the page.');
  }
  return db.$transaction(async (tx) => {
    const plan = await tx.recommendationPlan.create({
      data: {
        orgId: ctx.orgId,
        recommendationKey: recommendation.key,
        title: recommendation.title,
        scope: recommendation.scope as object,
        estimatedAnnualKgCo2e: recommendation.annualSavedKgCo2e,
        createdById: ctx.actor.userId,
        ...fields,
      },
    });
    await recordAuditEvent(tx, ctx, {
      action: 'recommendation_plan.created',
      targetType: 'recommendation_plan',
      targetId: plan.id,
      metadata: {
        key: plan.recommendationKey,
        status: plan.status,
        estimatedAnnualKgCo2e: plan.estimatedAnnualKgCo2e,
      },
    });
    return { id: plan.id, created: true };
  });
}
