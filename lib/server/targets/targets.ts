import 'server-only';
import type { TUserContext } from '@/lib/auth/actor';
import { assertPermission } from '@/lib/auth/roles';
import { calendarPeriod, type TPeriodKind } from '@/lib/emissions/calendar-periods';
import { AppError } from '@/lib/errors';
import type { TTargetInput } from '@/lib/schemas/targets';
import { getPrisma } from '@/lib/server/db/prisma';
import { computeMetricValue, type TEmissionsBasis, type TTargetMetric } from '@/lib/targets/target-metric';
import { recordAuditEvent } from '../audit/audit-events';
import { getOrgTimeZone, sumEmissionsInWindows } from './target-sums';

export interface TTargetDto {
  id: string;
  name: string;
  teamId: string | null;
  teamName: string | null;
  metric: TTargetMetric;
  basis: TEmissionsBasis;
  periodKind: TPeriodKind;
  baseYear: number;
  baseValue: number;
  baseValueSource: 'computed' | 'entered';
  baseRecordCount: number | null;
  targetYear: number;
  targetValue: number;
}

const SELECT = {
  id: true,
  name: true,
  teamId: true,
  team: { select: { name: true } },
  metric: true,
  basis: true,
  periodKind: true,
  baseYear: true,
  baseValue: true,
  baseValueSource: true,
  baseRecordCount: true,
  targetYear: true,
  targetValue: true,
} as const;

type TRow = { team: { name: string } | null } & Omit<TTargetDto, 'teamName'> & Record<string, unknown>;

function toDto({ team, ...t }: TRow): TTargetDto {
  return {
    ...t,
    teamName: team?.name ?? null,
    metric: t.metric as TTargetMetric,
    basis: t.basis as TEmissionsBasis,
    periodKind: t.periodKind as TPeriodKind,
    baseValueSource: t.baseValueSource as 'computed' | 'entered',
  };
}

/** The organisation's targets, organisation-wide first, then by team and name. */
export async function findTargets(ctx: { orgId: string }): Promise<TTargetDto[]> {
  const rows = await getPrisma().carbonTarget.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ teamId: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    select: SELECT,
  });
  return rows.map((r) => toDto(r as TRow));
}

async function assertTeamInOrg(ctx: { orgId: string }, teamId: string | null): Promise<void> {
  if (teamId && !(await getPrisma().team.findFirst({ where: { id: teamId, orgId: ctx.orgId } }))) {
    throw new AppError('NOT_FOUND', 'Team not found.');
  }
}

/**
 * Base value from the base year's records: absolute → tCO2e per period (a quarterly target takes the year's
 * total / 4, the average quarter); intensity → gCO2e per 1,000 requests over the year.
 */
export async function computeBaseValue(
  ctx: { orgId: string },
  input: Pick<TTargetInput, 'baseYear' | 'teamId' | 'metric' | 'basis' | 'periodKind'>,
): Promise<{ value: number; records: number }> {
  const year = calendarPeriod(input.baseYear, null, await getOrgTimeZone(ctx));
  const sums = (await sumEmissionsInWindows(ctx, [year], input.teamId)).get(year.key);
  const value = sums ? computeMetricValue(sums, input.metric, input.basis) : null;
  if (!sums || value === null) {
    throw new AppError(
      'INVALID_INPUT',
      `No ${input.metric === 'intensity' ? 'records with requests' : 'records'} in ${input.baseYear} to compute the base value from; enter it instead.`,
    );
  }
  const perPeriod = input.metric === 'absolute' && input.periodKind === 'quarter' ? value / 4 : value;
  return { value: perPeriod, records: sums.records };
}

/** Creates or updates a target (owners, admins); audited as target.created / target.updated. */
export async function saveTarget(ctx: TUserContext, input: TTargetInput): Promise<TTargetDto> {
  assertPermission(ctx.role, 'manageOrganization');
  await assertTeamInOrg(ctx, input.teamId);
  const base =
    input.baseValue === null
      ? { ...(await computeBaseValue(ctx, input)), source: 'computed' as const }
      : { value: input.baseValue, records: null, source: 'entered' as const };
  const data = {
    name: input.name,
    teamId: input.teamId,
    metric: input.metric,
    basis: input.basis,
    periodKind: input.periodKind,
    baseYear: input.baseYear,
    baseValue: base.value,
    baseValueSource: base.source,
    baseRecordCount: base.records,
    targetYear: input.targetYear,
    targetValue: input.targetValue,
  };
  return getPrisma().$transaction(async (tx) => {
    let id = input.id;
    if (id) {
      const updated = await tx.carbonTarget.updateMany({ where: { id, orgId: ctx.orgId }, data });
      if (updated.count === 0) {
        throw new AppError('NOT_FOUND', 'Target not found.');
      }
    } else {
      id = (
        await tx.carbonTarget.create({ data: { ...data, orgId: ctx.orgId, createdById: ctx.actor.userId } })
      ).id;
    }
    await recordAuditEvent(tx, ctx, {
      action: input.id ? 'target.updated' : 'target.created',
      targetType: 'carbon_target',
      targetId: id,
      metadata: data,
    });
    const saved = await tx.carbonTarget.findFirstOrThrow({ where: { id, orgId: ctx.orgId }, select: SELECT });
    return toDto(saved as TRow);
  });
}

/**
 * Recomputes a computed target's base from the base year's records as they are now (owners, admins): the
 * Targets page offers it when they no longer match (lib/targets/base-restatement.ts). Audited as
 * target.updated with the new base, like any edit.
 */
export async function restateTargetBase(ctx: TUserContext, id: string): Promise<TTargetDto> {
  const target = (await findTargets(ctx)).find((t) => t.id === id);
  if (!target) {
    throw new AppError('NOT_FOUND', 'Target not found.');
  }
  return saveTarget(ctx, {
    id: target.id,
    name: target.name,
    teamId: target.teamId,
    metric: target.metric,
    basis: target.basis,
    periodKind: target.periodKind,
    baseYear: target.baseYear,
    baseValue: null,
    targetYear: target.targetYear,
    targetValue: target.targetValue,
  });
}

/** Deletes a target (owners, admins); audited as target.deleted with its last values. */
export async function deleteTarget(ctx: TUserContext, id: string): Promise<void> {
  assertPermission(ctx.role, 'manageOrganization');
  await getPrisma().$transaction(async (tx) => {
    const existing = await tx.carbonTarget.findFirst({ where: { id, orgId: ctx.orgId } });
    if (!existing) {
      throw new AppError('NOT_FOUND', 'Target not found.');
    }
    await tx.carbonTarget.delete({ where: { id } });
    await recordAuditEvent(tx, ctx, {
      action: 'target.deleted',
      targetType: 'carbon_target',
      targetId: id,
      metadata: { name: existing.name, baseValue: existing.baseValue, targetValue: existing.targetValue },
    });
  });
}
