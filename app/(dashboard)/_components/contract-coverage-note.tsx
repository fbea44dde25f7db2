import Link from 'next/link';
import { describeCoverage } from '@/lib/dashboard/contract-coverage';
import { formatDay } from '@/lib/format/date-time';
import { findContractCoverage } from '@/lib/server/factors/find-contract-coverage';
import { overviewRead, type TDashboardQuery } from './dashboard-query';

/** "2026-03-10" of `instant` in `timeZone` (the calendar of usage_quality_daily's days). */
const localDay = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );

/**
 * Under the CO₂e trend: which energy contracts shaped the market-based line inside the range, and when each ran
 * out ("PPA … covered Jan–Aug 2026 and was used up on 2026-08-14"), so a market-based figure near zero that jumps
 * once a contract is exhausted explains itself. Organisation-wide: contracts cover a market, not a team.
 */
export async function ContractCoverageNote({ query }: { query: TDashboardQuery }) {
  const { ctx, range } = query;
  const today = formatDay(new Date());
  const contracts = await overviewRead(query, 'contract-coverage', [today], () =>
    findContractCoverage(ctx, new Date(`${today}T00:00:00Z`)),
  );
  const timeZone = range.timeZone ?? 'UTC';
  const from = localDay(range.from, timeZone);
  const to = localDay(new Date(range.to.getTime() - 1), timeZone);
  const lines = contracts
    .filter(
      ({ coverage }) =>
        coverage.firstDay && coverage.lastDay && coverage.firstDay <= to && coverage.lastDay >= from,
    )
    .map(({ contract, coverage }) =>
      describeCoverage(
        { ...contract, periodStart: new Date(contract.periodStart), periodEnd: new Date(contract.periodEnd) },
        coverage,
      ),
    )
    .filter((line): line is string => line !== null);
  if (lines.length === 0) {
    return null;
  }
  return (
    <div className="mt-3 rounded-md border border-slate-200 px-3 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
      <p className="font-medium text-slate-700 dark:text-slate-200">
        Market-based: energy contracts in this range
      </p>
      <ul className="mt-1 list-disc pl-4" aria-label="Energy contract coverage">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Link
        href="/energy-contracts"
        className="mt-1 inline-block text-brand-700 underline dark:text-brand-300"
      >
        Energy contracts, month by month
      </Link>
    </div>
  );
}
