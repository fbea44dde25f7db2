import 'server-only';
import { getPrisma, type PrismaClient } from '@/lib/db';
import type { EnergyContractInput } from '@/lib/emissions/energy-contract';

/** The organisation's contractual instruments, in the engine's shape. */
export async function findEnergyContracts(
  ctx: { orgId: string },
  db: Pick<PrismaClient, 'energyContract'> = getPrisma(),
): Promise<EnergyContractInput[]> {
  const rows = await db.energyContract.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { periodStart: 'asc' },
  });
  return rows.map((c) => ({
    id: c.reference,
    instrumentType: c.instrumentType,
    marketZone: c.marketZone,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    mwh: c.volumeMwh,
    gCo2ePerKwh: c.gCo2ePerKwh,
  }));
}
