import 'server-only';
import type { TOrgContext } from '@/lib/auth/actor';
import { assertPermission } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import type { TOrganizationSettingsInput } from '@/lib/schemas/organization-settings';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../audit/audit-events';
import { recomputeOrganization, type TRecomputeResult } from '../usage/recompute';

export interface TUpdateSettingsResult {
  /** Set when basis or embodied lifetime changed, which recomputes every record. */
  recompute: TRecomputeResult | null;
}

/**
 * Saves the organisation's settings (owners and admins). In the same transaction: an audit event with the
 * before/after values and, when the basis or embodied lifetime changed, the recomputation with restatements.
 */
export async function updateOrganizationSettings(
  ctx: TOrgContext,
  input: TOrganizationSettingsInput,
  options: { now: Date },
): Promise<TUpdateSettingsResult> {
  assertPermission(ctx.role, 'manageOrganization');
  return getPrisma().$transaction(
    async (tx) => {
      const before = await tx.organization.findUnique({
        where: { id: ctx.orgId },
        select: {
          defaultBasis: true,
          embodiedLifetimeYears: true,
          carbonPricePerTonneCo2e: true,
          electricityPricePerKwh: true,
          currency: true,
          timeZone: true,
        },
      });
      if (!before) {
        throw new AppError('NOT_FOUND', 'Organisation not found.');
      }
      await tx.organization.update({ where: { id: ctx.orgId }, data: input });
      const methodChanged =
        before.defaultBasis !== input.defaultBasis ||
        before.embodiedLifetimeYears !== input.embodiedLifetimeYears;
      const recompute = methodChanged
        ? await recomputeOrganization(ctx, {
            reason: `Organisation settings changed: ${[
              before.defaultBasis !== input.defaultBasis
                ? `basis ${before.defaultBasis} → ${input.defaultBasis}`
                : null,
              before.embodiedLifetimeYears !== input.embodiedLifetimeYears
                ? `embodied lifetime ${before.embodiedLifetimeYears} → ${input.embodiedLifetimeYears} years`
                : null,
            ]
              .filter(Boolean)
              .join(', ')}`,
            now: options.now,
            tx,
          })
        : null;
      await recordAuditEvent(tx, ctx, {
        action: 'organization.settings.updated',
        targetType: 'organization',
        targetId: ctx.orgId,
        metadata: { before, after: input, recompute: recompute ? { ...recompute } : null },
      });
      return { recompute };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
