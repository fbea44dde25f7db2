import 'server-only';
import type { TUserContext } from '@/lib/auth/actor';
import { assertPermission } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import type { THardwareAsset } from '@/lib/hardware/hardware-embodied';
import type { THardwareAssetInput } from '@/lib/schemas/hardware-asset';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../audit/audit-events';
import { getFactorLibrary } from '../factors/factor-library';

export type THardwareAssetDto = THardwareAsset & { createdAt: Date };

const SELECT = {
  id: true,
  name: true,
  hardwareType: true,
  acceleratorId: true,
  unitCount: true,
  purchasedOn: true,
  embodiedKgCo2ePerUnit: true,
  embodiedSource: true,
  expectedLifetimeYears: true,
  location: true,
  retiredOn: true,
  createdAt: true,
} as const;

/** The organisation's hardware register, oldest purchase first. */
export async function findHardwareAssets(ctx: { orgId: string }): Promise<THardwareAssetDto[]> {
  return getPrisma().hardwareAsset.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ purchasedOn: 'asc' }, { name: 'asc' }],
    select: SELECT,
  });
}

/** Catalog accelerators with an embodied figure, for the register form (bundled plus the org's overrides). */
export async function findEmbodiedCatalog(ctx: {
  orgId: string;
}): Promise<{ id: string; name: string; embodiedKgCo2e: number; source: string; datasetVersion: string }[]> {
  const library = await getFactorLibrary(ctx);
  return library.accelerators
    .filter((a) => a.embodiedKgCo2e > 0)
    .map((a) => ({
      id: a.id,
      name: a.name,
      embodiedKgCo2e: a.embodiedKgCo2e,
      source: a.source,
      datasetVersion: a.datasetVersion,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Adds an asset. With a catalog accelerator and no explicit figure, the catalog's embodied kg CO2e per unit and its
 * source and dataset version are copied onto the asset, so a later catalog update does not silently change a
 * booked Category 2 figure (it changes only when the asset is edited). Audited.
 */
export async function createHardwareAsset(
  ctx: TUserContext,
  input: THardwareAssetInput,
): Promise<THardwareAssetDto> {
  assertPermission(ctx.role, 'manageHardware');
  let hardwareType = input.hardwareType;
  let perUnit = input.embodiedKgCo2ePerUnit;
  let source = input.embodiedSource;
  if (input.acceleratorId) {
    const spec = (await findEmbodiedCatalog(ctx)).find((a) => a.id === input.acceleratorId);
    if (!spec) {
      throw new AppError(
        'INVALID_INPUT',
        `Accelerator "${input.acceleratorId}" is not in the factor library.`,
      );
    }
    hardwareType ??= spec.name;
    if (perUnit === undefined) {
      perUnit = spec.embodiedKgCo2e;
      source = `factor library ${spec.datasetVersion}: ${spec.source}`;
    }
  }
  if (perUnit === undefined || !source || !hardwareType) {
    throw new AppError(
      'INVALID_INPUT',
      'An embodied figure with its source and a hardware type are required.',
    );
  }
  const data = {
    name: input.name,
    hardwareType,
    acceleratorId: input.acceleratorId ?? null,
    unitCount: input.unitCount,
    purchasedOn: new Date(`${input.purchasedOn}T00:00:00Z`),
    embodiedKgCo2ePerUnit: perUnit,
    embodiedSource: source,
    expectedLifetimeYears: input.expectedLifetimeYears,
    location: input.location ?? null,
    retiredOn: input.retiredOn ? new Date(`${input.retiredOn}T00:00:00Z`) : null,
  };
  return getPrisma().$transaction(async (tx) => {
    const created = await tx.hardwareAsset.create({
      data: { ...data, orgId: ctx.orgId, createdById: ctx.actor.userId },
      select: SELECT,
    });
    await recordAuditEvent(tx, ctx, {
      action: 'hardware.created',
      targetType: 'hardware_asset',
      targetId: created.id,
      metadata: { ...data, purchasedOn: input.purchasedOn, retiredOn: input.retiredOn ?? null },
    });
    return created;
  });
}

/** Sets the retirement date (ends the amortisation memo; Cat 2 stays in the purchase period). Audited. */
export async function retireHardwareAsset(ctx: TUserContext, id: string, retiredOn: string): Promise<void> {
  assertPermission(ctx.role, 'manageHardware');
  await getPrisma().$transaction(async (tx) => {
    const asset = await tx.hardwareAsset.findFirst({ where: { id, orgId: ctx.orgId }, select: SELECT });
    if (!asset) {
      throw new AppError('NOT_FOUND', 'Hardware asset not found.');
    }
    const at = new Date(`${retiredOn}T00:00:00Z`);
    if (at < asset.purchasedOn) {
      throw new AppError('INVALID_INPUT', 'Retirement is before purchase.');
    }
    await tx.hardwareAsset.update({ where: { id }, data: { retiredOn: at } });
    await recordAuditEvent(tx, ctx, {
      action: 'hardware.retired',
      targetType: 'hardware_asset',
      targetId: id,
      metadata: { name: asset.name, retiredOn, previous: asset.retiredOn?.toISOString() ?? null },
    });
  });
}

/** Removes an asset entered by mistake. Frozen report versions keep the figures they were frozen with. Audited. */
export async function deleteHardwareAsset(ctx: TUserContext, id: string): Promise<void> {
  assertPermission(ctx.role, 'manageHardware');
  await getPrisma().$transaction(async (tx) => {
    const asset = await tx.hardwareAsset.findFirst({ where: { id, orgId: ctx.orgId }, select: SELECT });
    if (!asset) {
      throw new AppError('NOT_FOUND', 'Hardware asset not found.');
    }
    await tx.hardwareAsset.delete({ where: { id } });
    await recordAuditEvent(tx, ctx, {
      action: 'hardware.deleted',
      targetType: 'hardware_asset',
      targetId: id,
      metadata: {
        name: asset.name,
        unitCount: asset.unitCount,
        embodiedKgCo2ePerUnit: asset.embodiedKgCo2ePerUnit,
        purchasedOn: asset.purchasedOn.toISOString(),
      },
    });
  });
}
