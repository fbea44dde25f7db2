import 'server-only';
import type { TOrgContext } from '@/lib/auth/actor';
import { assertPermission } from '@/lib/auth/roles';
import type { TModelLineage } from '@/lib/dashboard/model-families';
import type { TModelLineageInput } from '@/lib/schemas/model-lineage';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../audit/audit-events';

/** Declared lineages of the organisation's models (model → family, base model). */
export async function findModelLineages(ctx: { orgId: string }): Promise<TModelLineage[]> {
  return getPrisma().modelLineage.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ family: 'asc' }, { model: 'asc' }],
    select: { model: true, family: true, baseModel: true },
  });
}

/** Declares (or changes) a model's family and base model. Audited with the previous values. */
export async function upsertModelLineage(
  ctx: TOrgContext,
  input: TModelLineageInput,
): Promise<TModelLineage> {
  assertPermission(ctx.role, 'writeUsage');
  const data = { family: input.family, baseModel: input.baseModel ?? null };
  return getPrisma().$transaction(async (tx) => {
    const before = await tx.modelLineage.findUnique({
      where: { orgId_model: { orgId: ctx.orgId, model: input.model } },
      select: { family: true, baseModel: true },
    });
    const saved = await tx.modelLineage.upsert({
      where: { orgId_model: { orgId: ctx.orgId, model: input.model } },
      create: { orgId: ctx.orgId, model: input.model, ...data },
      update: data,
      select: { model: true, family: true, baseModel: true },
    });
    await recordAuditEvent(tx, ctx, {
      action: 'model-lineage.saved',
      targetType: 'model_lineage',
      targetId: input.model,
      metadata: { model: input.model, ...data, previous: before },
    });
    return saved;
  });
}
