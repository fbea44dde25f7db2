import 'server-only';
import type { TUserContext } from '@/lib/auth/actor';
import { assertPermission } from '@/lib/auth/roles';
import type { TPeriodKind } from '@/lib/emissions/calendar-periods';
import { AppError } from '@/lib/errors';
import type { TBudgetInput } from '@/lib/schemas/targets';
import { getPrisma } from '@/lib/server/db/prisma';
import type { TEmissionsBasis } from '@/lib/targets/target-metric';
import { recordAuditEvent } from '../audit/audit-events';

export interface TBudgetDto {
  id: string;
  teamId: string;
  teamName: string;
  /** The team's slug: what the dashboard's team filter holds. */
  teamSlug: string;
  periodKind: TPeriodKind;
  basis: TEmissionsBasis;
  amountKgCo2e: number;
}

/** The organisation's team budgets, by team name. */
export async function findBudgets(ctx: { orgId: string }): Promise<TBudgetDto[]> {
  const rows = await getPrisma().carbonBudget.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ team: { name: 'asc' } }, { periodKind: 'asc' }, { basis: 'asc' }],
    select: {
      id: true,
      teamId: true,
      team: { select: { name: true, slug: true } },
      periodKind: true,
      basis: true,
      amountKgCo2e: true,
    },
  });
  return rows.map(({ team, ...b }) => ({
    ...b,
    teamName: team.name,
    teamSlug: team.slug,
    periodKind: b.periodKind as TPeriodKind,
    basis: b.basis as TEmissionsBasis,
  }));
}

/** Creates or updates a budget (owners, admins); one per team, period kind and basis. Audited. */
export async function saveBudget(ctx: TUserContext, input: TBudgetInput): Promise<{ id: string }> {
  assertPermission(ctx.role, 'manageOrganization');
  const prisma = getPrisma();
  if (!(await prisma.team.findFirst({ where: { id: input.teamId, orgId: ctx.orgId } }))) {
    throw new AppError('NOT_FOUND', 'Team not found.');
  }
  const data = {
    teamId: input.teamId,
    periodKind: input.periodKind,
    basis: input.basis,
    amountKgCo2e: input.amountKgCo2e,
  };
  const duplicate = await prisma.carbonBudget.findFirst({
    where: { orgId: ctx.orgId, teamId: input.teamId, periodKind: input.periodKind, basis: input.basis },
    select: { id: true },
  });
  if (duplicate && duplicate.id !== input.id) {
    throw new AppError(
      'CONFLICT',
      'This team already has a budget for that period and basis; edit it instead.',
    );
  }
  return prisma.$transaction(async (tx) => {
    let id = input.id;
    if (id) {
      const updated = await tx.carbonBudget.updateMany({ where: { id, orgId: ctx.orgId }, data });
      if (updated.count === 0) {
        throw new AppError('NOT_FOUND', 'Budget not found.');
      }
    } else {
      id = (
        await tx.carbonBudget.create({ data: { ...data, orgId: ctx.orgId, createdById: ctx.actor.userId } })
      ).id;
    }
    await recordAuditEvent(tx, ctx, {
      action: input.id ? 'budget.updated' : 'budget.created',
      targetType: 'carbon_budget',
      targetId: id,
      metadata: data,
    });
    return { id };
  });
}

/** Deletes a budget and its alerts (owners, admins); audited. */
export async function deleteBudget(ctx: TUserContext, id: string): Promise<void> {
  assertPermission(ctx.role, 'manageOrganization');
  await getPrisma().$transaction(async (tx) => {
    const existing = await tx.carbonBudget.findFirst({ where: { id, orgId: ctx.orgId } });
    if (!existing) {
      throw new AppError('NOT_FOUND', 'Budget not found.');
    }
    await tx.carbonBudget.delete({ where: { id } });
    await recordAuditEvent(tx, ctx, {
      action: 'budget.deleted',
      targetType: 'carbon_budget',
      targetId: id,
      metadata: { teamId: existing.teamId, amountKgCo2e: existing.amountKgCo2e },
    });
  });
}

/** Teams to choose from in the target and budget forms. */
export async function findTeamOptions(ctx: { orgId: string }): Promise<{ id: string; name: string }[]> {
  return getPrisma().team.findMany({
    where: { orgId: ctx.orgId },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
}
