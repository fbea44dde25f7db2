import 'server-only';
import type { TUserContext } from '@/lib/auth/actor';
import type { Prisma } from '@/lib/generated/prisma/client';
import { type TColumnMapping, ZColumnMapping } from '@/lib/schemas/column-mapping';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../../audit/audit-events';

export interface TColumnMappingPresetDto {
  id: string;
  name: string;
  mapping: TColumnMapping;
}

/** The organisation's saved column mappings, by name. Stored mappings are re-validated on the way out. */
export async function findColumnMappingPresets(ctx: { orgId: string }): Promise<TColumnMappingPresetDto[]> {
  const rows = await getPrisma().columnMappingPreset.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, mapping: true },
  });
  return rows.flatMap((r) => {
    const parsed = ZColumnMapping.safeParse(r.mapping);
    return parsed.success ? [{ id: r.id, name: r.name, mapping: parsed.data }] : [];
  });
}

/** Saves a mapping under `name` (replacing the organisation's preset of the same name) with an audit event. */
export async function saveColumnMappingPreset(
  ctx: Pick<TUserContext, 'orgId' | 'actor'>,
  input: { name: string; mapping: TColumnMapping },
): Promise<TColumnMappingPresetDto> {
  const mapping = input.mapping as unknown as Prisma.InputJsonValue;
  return getPrisma().$transaction(async (tx) => {
    const saved = await tx.columnMappingPreset.upsert({
      where: { orgId_name: { orgId: ctx.orgId, name: input.name } },
      create: { orgId: ctx.orgId, name: input.name, mapping, createdById: ctx.actor.userId },
      update: { mapping },
      select: { id: true, name: true },
    });
    await recordAuditEvent(tx, ctx, {
      action: 'column-mapping-preset.saved',
      targetType: 'column_mapping_preset',
      targetId: saved.id,
      metadata: { name: input.name, mapping },
    });
    return { ...saved, mapping: input.mapping };
  });
}
