import 'server-only';
import {
  contractCoverage,
  type TAllocationDay,
  type TContractCoverage,
} from '@/lib/dashboard/contract-coverage';
import { queryRows, sql } from '../db/sql';
import { pgRunner } from '../db/sql-runner';
import { listEnergyContracts, type TEnergyContractDto } from './energy-contract-admin';

export interface TContractWithCoverage {
  contract: TEnergyContractDto;
  coverage: TContractCoverage;
}

/**
 * Every energy contract of the organisation with the energy the market-based allocation gave it, month by month.
 * Read from usage_quality_daily (fact 'contract', key = the contract's reference as cited by the records' market
 * allocations): the stored allocation of every record, split over its organisation-local days by time share and
 * kept exact by triggers in the writers' transactions, so the months add up to what the records carry.
 */
export async function findContractCoverage(
  ctx: { orgId: string },
  asOf: Date,
): Promise<TContractWithCoverage[]> {
  const [contracts, rows] = await Promise.all([
    listEnergyContracts(ctx),
    queryRows<{ reference: string; day: string; energyKwh: number }>(
      pgRunner(),
      sql`SELECT key AS reference, to_char(day, 'YYYY-MM-DD') AS day, SUM(energy_kwh)::float8 AS "energyKwh"
            FROM usage_quality_daily
           WHERE org_id = ${ctx.orgId}::uuid AND fact = 'contract'
           GROUP BY key, day
          HAVING SUM(energy_kwh) > 0`,
    ),
  ]);
  const days = new Map<string, TAllocationDay[]>();
  for (const row of rows) {
    const list = days.get(row.reference) ?? [];
    list.push({ day: row.day, energyKwh: Number(row.energyKwh) });
    days.set(row.reference, list);
  }
  return contracts.map((contract) => ({
    contract,
    coverage: contractCoverage(
      {
        ...contract,
        periodStart: new Date(contract.periodStart),
        periodEnd: new Date(contract.periodEnd),
      },
      days.get(contract.reference) ?? [],
      asOf,
    ),
  }));
}
