import 'server-only';
import { randomUUID } from 'node:crypto';
import type { TOrgContext } from '@/lib/auth/actor';
import { assertPermission } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type {
  TAcceleratorOverrideInput,
  TDeleteFactorOverrideInput,
  TGridFactorOverrideInput,
  TLocationOverrideInput,
} from '@/lib/schemas/factor-override';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../audit/audit-events';
import { recomputeOrganization, type TRecomputeResult } from '../usage/recompute';
import { describeOverride } from './describe-factor-override';

type Tx = Prisma.TransactionClient;

/** Dataset version of every organisation-supplied factor (bundled ones carry their dataset's version). */
export const ORG_OVERRIDE_VERSION = 'org-override';
const ORG_LICENCE = 'organisation-supplied';

/**
 * Every override change follows one path (owners and admins only): write, audit, recompute the organisation's
 * records with restatements, all in one transaction.
 */
async function changeOverrides(
  ctx: TOrgContext,
  action: string,
  reason: string,
  write: (
    tx: Tx,
  ) => Promise<{ targetType: string; targetId: string; metadata: Prisma.InputJsonValue; reason?: string }>,
  now: Date,
): Promise<TRecomputeResult> {
  assertPermission(ctx.role, 'manageOrganization');
  return getPrisma().$transaction(
    async (tx) => {
      const target = await write(tx);
      const recompute = await recomputeOrganization(ctx, { reason: target.reason ?? reason, now, tx });
      await recordAuditEvent(tx, ctx, {
        action,
        targetType: target.targetType,
        targetId: target.targetId,
        metadata: { override: target.metadata, recompute: { ...recompute } },
      });
      return recompute;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'P2002';
}

export async function createGridFactorOverride(
  ctx: TOrgContext,
  input: TGridFactorOverrideInput,
  options: { now: Date },
): Promise<TRecomputeResult> {
  const id = `org:grid:${randomUUID()}`;
  const period = `${input.validFrom.toISOString().slice(0, 10)}..${input.validTo.toISOString().slice(0, 10)}`;
  try {
    return await changeOverrides(
      ctx,
      'factor.override.created',
      `Grid-factor override added: ${input.zone} ${input.gCo2ePerKwh} g/kWh (${input.basis}) for ${period}`,
      async (tx) => {
        await tx.emissionFactor.create({
          data: {
            id,
            orgId: ctx.orgId,
            kind: 'grid_location',
            zone: input.zone,
            periodStart: input.validFrom,
            periodEnd: input.validTo,
            granularity: 'yearly',
            gCo2ePerKwh: input.gCo2ePerKwh,
            basis: input.basis,
            source: `Organisation override: ${input.source}`,
            licence: ORG_LICENCE,
            datasetVersion: ORG_OVERRIDE_VERSION,
          },
        });
        return {
          targetType: 'emission_factor',
          targetId: id,
          metadata: {
            ...input,
            validFrom: input.validFrom.toISOString(),
            validTo: input.validTo.toISOString(),
          },
        };
      },
      options.now,
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', `An override for ${input.zone} (${input.basis}) starting then exists.`);
    }
    throw error;
  }
}

export async function createLocationOverride(
  ctx: TOrgContext,
  input: TLocationOverrideInput,
  options: { now: Date },
): Promise<TRecomputeResult> {
  try {
    return await changeOverrides(
      ctx,
      'factor.override.created',
      `Location override added: ${input.provider}/${input.regionCode} → ${input.gridZone}, PUE ${input.pue ?? '—'}, WUE ${input.wueLPerKwh ?? '—'}`,
      async (tx) => {
        const row = await tx.location.create({
          data: {
            ...input,
            orgId: ctx.orgId,
            source: `Organisation override: ${input.source}`,
            datasetVersion: ORG_OVERRIDE_VERSION,
          },
          select: { id: true },
        });
        return { targetType: 'location', targetId: row.id, metadata: { ...input } };
      },
      options.now,
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        'CONFLICT',
        `An override for ${input.provider}/${input.regionCode} exists; delete it first.`,
      );
    }
    throw error;
  }
}

export async function createAcceleratorOverride(
  ctx: TOrgContext,
  input: TAcceleratorOverrideInput,
  options: { now: Date },
): Promise<TRecomputeResult> {
  const id = `org:accelerator:${randomUUID()}`;
  try {
    return await changeOverrides(
      ctx,
      'factor.override.created',
      `Accelerator override added: ${input.name} ${input.tdpW} W`,
      async (tx) => {
        await tx.accelerator.create({
          data: {
            id,
            orgId: ctx.orgId,
            name: input.name,
            aliases: [],
            tdpW: input.tdpW,
            memoryGb: input.memoryGb,
            embodiedKgCo2e: input.embodiedKgCo2e,
            source: `Organisation override: ${input.source}`,
            datasetVersion: ORG_OVERRIDE_VERSION,
          },
        });
        return { targetType: 'accelerator', targetId: id, metadata: { ...input } };
      },
      options.now,
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', `An override named "${input.name}" exists; delete it first.`);
    }
    throw error;
  }
}

/** Deletes one of the organisation's overrides (never a bundled factor, never another organisation's). */
export async function deleteFactorOverride(
  ctx: TOrgContext,
  input: TDeleteFactorOverrideInput,
  options: { now: Date },
): Promise<TRecomputeResult> {
  return changeOverrides(
    ctx,
    'factor.override.deleted',
    `Factor override removed (${input.kind} ${input.id})`,
    async (tx) => {
      const where = { id: input.id, orgId: ctx.orgId };
      const described = await describeOverride(tx, input.kind, where);
      const deleted =
        input.kind === 'grid'
          ? await tx.emissionFactor.deleteMany({ where })
          : input.kind === 'location'
            ? await tx.location.deleteMany({ where })
            : await tx.accelerator.deleteMany({ where });
      if (deleted.count === 0) {
        throw new AppError('NOT_FOUND', 'No such override in this organisation.');
      }
      return {
        targetType: input.kind,
        targetId: input.id,
        metadata: { ...input, described },
        reason: `Factor override removed: ${described}`,
      };
    },
    options.now,
  );
}
