import type { Metadata } from 'next';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { StateActionForm } from '@/components/ui/state-action-form';
import { hasPermission } from '@/lib/auth/roles';
import {
  coveredSpan,
  instrumentLabel,
  monthLabel,
  type TContractCoverage,
} from '@/lib/dashboard/contract-coverage';
import { formatDay } from '@/lib/format/date-time';
import { formatMwh, formatNumber } from '@/lib/format/quantities';
import { requirePageAuth } from '@/lib/server/access/auth-context';
import type { TEnergyContractDto } from '@/lib/server/factors/energy-contract-admin';
import { findContractCoverage } from '@/lib/server/factors/find-contract-coverage';
import { EnergyContractForm } from './_components/energy-contract-form';
import { deleteEnergyContractAction } from './actions';

export const metadata: Metadata = { title: 'Energy contracts' };

const DAY_MS = 86_400_000;
/** The stored period is half-open [start, end); people read a contract by its last covered day. */
const lastDay = (periodEnd: string) => formatDay(new Date(new Date(periodEnd).getTime() - DAY_MS));

function statusLine(coverage: TContractCoverage): string {
  const span =
    coverage.firstDay && coverage.lastDay ? coveredSpan(coverage.firstDay, coverage.lastDay) : null;
  const left = `${formatMwh(coverage.remainingKwh)} (${Math.round((1 - coverage.usedShare) * 100)} %) left`;
  switch (coverage.status) {
    case 'used-up':
      return `Used up on ${coverage.usedUpOn}, after covering ${span}.`;
    case 'expired-with-remainder':
      return `Expired with ${left} unused${span ? `; it covered ${span}` : ''}.`;
    case 'unused':
      return 'Expired without covering any recorded usage in its market.';
    default:
      return span ? `Covering usage since ${coverage.firstDay}; ${left}.` : `No usage matched yet; ${left}.`;
  }
}

export default async function EnergyContractsPage() {
  const ctx = await requirePageAuth('read');
  const canManage = hasPermission(ctx.role, 'manageOrganization');
  const contracts = await findContractCoverage(ctx, new Date());
  return (
    <>
      <PageHeader
        title="Energy contracts"
        description="Power purchase agreements, certificates and green tariffs behind the market-based CO₂e. Each contract covers the facility energy of records in its market and period, oldest records first, until its volume is used up; the rest falls back to the residual mix."
      />
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>Add a contract</CardTitle>
            <CardDescription>
              Adding or removing a contract recomputes every record’s market-based CO₂e and logs the
              restatements.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <EnergyContractForm />
          </CardContent>
        </Card>
      ) : (
        <p className="text-sm text-slate-500">Owners and admins add and remove contracts.</p>
      )}
      {contracts.length === 0 ? (
        <EmptyState title="No energy contracts">
          Without contracts, market-based CO₂e uses the residual mix of each market (or the grid average where
          no residual mix is published).
        </EmptyState>
      ) : (
        contracts.map(({ contract, coverage }) => (
          <ContractCard key={contract.id} contract={contract} coverage={coverage} canManage={canManage} />
        ))
      )}
    </>
  );
}

function ContractCard({
  contract,
  coverage,
  canManage,
}: {
  contract: TEnergyContractDto;
  coverage: TContractCoverage;
  canManage: boolean;
}) {
  const facts: [string, string][] = [
    ['Instrument', instrumentLabel(contract.instrumentType)],
    ['Market', contract.marketZone],
    ['Period', `${formatDay(new Date(contract.periodStart))} – ${lastDay(contract.periodEnd)}`],
    ['Volume', formatMwh(contract.volumeMwh * 1000)],
    ['Emission rate', `${formatNumber(contract.gCo2ePerKwh)} g CO₂e/kWh`],
    ['Supplier', contract.supplier ?? '—'],
  ];
  const usedPercent = Math.round(coverage.usedShare * 100);
  return (
    <section aria-labelledby={`contract-${contract.id}`}>
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
          <div>
            <CardTitle id={`contract-${contract.id}`}>{contract.reference}</CardTitle>
            <CardDescription>{statusLine(coverage)}</CardDescription>
          </div>
          {canManage ? (
            <StateActionForm
              action={deleteEnergyContractAction}
              fields={{ id: contract.id }}
              label="Remove"
              ariaLabel={`Remove contract ${contract.reference}`}
            />
          ) : null}
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className="font-medium">{value}</dd>
              </div>
            ))}
          </dl>
          <div>
            <div className="mb-1 flex justify-between text-xs text-slate-600 dark:text-slate-300">
              <span>
                Allocated {formatMwh(coverage.allocatedKwh)} of {formatMwh(coverage.volumeKwh)}
              </span>
              <span>{usedPercent} %</span>
            </div>
            {/* The figures above say the same in words; the bar is decoration. */}
            <div aria-hidden className="h-2 rounded-full bg-slate-200 dark:bg-slate-700">
              <div className="h-2 rounded-full bg-brand-600" style={{ width: `${usedPercent}%` }} />
            </div>
          </div>
          <ScrollRegion label={`Energy allocated per month, ${contract.reference}`}>
            <DataTable
              caption={`${contract.reference}: energy allocated per month`}
              density="compact"
              columns={[
                'Month',
                { label: 'Allocated', className: 'tabular-nums' },
                { label: 'Cumulative', className: 'tabular-nums' },
                { label: 'Left', className: 'tabular-nums' },
              ]}
              rows={coverage.months.map((m) => ({
                key: m.month,
                cells: [
                  monthLabel(m.month),
                  formatMwh(m.allocatedKwh),
                  formatMwh(m.cumulativeKwh),
                  formatMwh(m.remainingKwh),
                ],
              }))}
              empty="No recorded usage in this market and period has been matched to this contract."
            />
          </ScrollRegion>
        </CardContent>
      </Card>
    </section>
  );
}
