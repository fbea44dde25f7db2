import 'server-only';
import type { EnergyContractInput } from '@/lib/emissions/energy-contract';
import { queryRows, sql } from '../db/sql';
import { pgRunner, type TSqlRunner } from '../db/sql-runner';

/**
 * The organisation's contractual instruments, in the engine's shape. SQL through a runner: the pg pool by default
 * (the upload path never loads Prisma), or a Prisma transaction's (`prismaRunner(tx)`, recompute).
 */
export async function findEnergyContracts(
  ctx: { orgId: string },
  db: TSqlRunner = pgRunner(),
): Promise<EnergyContractInput[]> {
  return queryRows<EnergyContractInput>(
    db,
    sql`SELECT reference AS id, instrument_type::text AS "instrumentType", market_zone AS "marketZone",
            period_start AS "periodStart", period_end AS "periodEnd", volume_mwh AS mwh, g_co2e_per_kwh AS "gCo2ePerKwh"
       FROM energy_contract WHERE org_id = ${ctx.orgId}::uuid ORDER BY period_start`,
  );
}
