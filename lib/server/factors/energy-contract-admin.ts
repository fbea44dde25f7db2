import 'server-only';
import type { TOrgContext } from '@/lib/auth/actor';
import { assertPermission } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import type { EnergyContract, Prisma } from '@/lib/generated/prisma/client';
import type { TEnergyContractCreate } from '@/lib/schemas/api-v1-contracts';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../audit/audit-events';
import { recomputeOrganization, type TRecomputeResult } from '../usage/recompute';

// Energy contracts (market-based instruments) CRUD for /api/v1/energy-contracts. Like factor overrides, every
// change is audited and recomputes the organisation's records (restatements logged) in one transaction.

const toDto = (c: EnergyContract) => ({
  id: c.id,
  reference: c.reference,
  instrumentType: c.instrumentType,
  marketZone: c.marketZone,
  periodStart: c.periodStart.toISOString(),
  periodEnd: c.periodEnd.toISOString(),
  volumeMwh: c.volumeMwh,
  gCo2ePerKwh: c.gCo2ePerKwh,
  supplier: c.supplier,
});
export type TEnergyContractDto = ReturnType<typeof toDto>;

export async function listEnergyContracts(ctx: { orgId: string }): Promise<TEnergyContractDto[]> {
  const rows = await getPrisma().energyContract.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ periodStart: 'asc' }, { reference: 'asc' }],
  });
  return rows.map(toDto);
}

async function change(
  ctx: TOrgContext,
  action: string,
  write: (tx: Prisma.TransactionClient) => Promise<TEnergyContractDto>,
  now: Date,
): Promise<{ contract: TEnergyContractDto; recompute: TRecomputeResult }> {
  assertPermission(ctx.role, 'manageOrganization');
  return getPrisma().$transaction(
    async (tx) => {
      const contract = await write(tx);
      const reason = `Energy contract ${contract.reference} ${action === 'contract.created' ? 'added' : 'removed'}`;
      const recompute = await recomputeOrganization(ctx, { reason, now, tx });
      await recordAuditEvent(tx, ctx, {
        action,
        targetType: 'energy_contract',
        targetId: contract.id,
        metadata: { contract, recompute: { ...recompute } },
      });
      return { contract, recompute };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

export async function createEnergyContract(ctx: TOrgContext, input: TEnergyContractCreate, now: Date) {
  try {
    return await change(
      ctx,
      'contract.created',
      async (tx) => toDto(await tx.energyContract.create({ data: { orgId: ctx.orgId, ...input } })),
      now,
    );
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      throw new AppError('CONFLICT', `A contract with reference ${input.reference} already exists.`);
    }
    throw error;
  }
}

export async function deleteEnergyContract(ctx: TOrgContext, id: string, now: Date) {
  return change(
    ctx,
    'contract.deleted',
    async (tx) => {
      const found = /^[0-9a-f-]{36}$/i.test(id)
        ? await tx.energyContract.findFirst({ where: { id, orgId: ctx.orgId } })
        : null;
      if (!found) {
        throw new AppError('NOT_FOUND', 'No such energy contract in this organisation.');
      }
      await tx.energyContract.delete({ where: { id: found.id } });
      return toDto(found);
    },
    now,
  );
}
