import type { TCalendarPeriod } from '@/lib/emissions/calendar-periods';
import { hardwareFiguresInPeriod, type THardwareAsset } from '@/lib/hardware/hardware-embodied';
import { aggregateRecords, scopeTotalsInside } from './aggregate-records';
import type {
  TEnergyContractInPeriod,
  TQuarterAggregates,
  TReportRecordRow,
  TRestatementInPeriod,
} from './aggregate-types';
import { previousPeriod, samePeriodLastYear, yearToDate } from './report-period';

/** The earliest instant a report for `period` needs records from (comparatives included). */
export function comparisonStart(period: TCalendarPeriod): Date {
  return new Date(
    Math.min(previousPeriod(period).start.getTime(), samePeriodLastYear(period).start.getTime()),
  );
}

/**
 * Pure assembly of everything a report needs from rows read by lib/server/reports/quarter-aggregates.ts: the period's
 * aggregates, comparatives (previous period, same period last year, year to date) and licences per factor id.
 */
export function assembleQuarterAggregates(input: {
  org: { id: string; name: string; timeZone: string };
  period: TCalendarPeriod;
  rows: readonly TReportRecordRow[];
  energyContracts: TEnergyContractInPeriod[];
  restatements: TRestatementInPeriod[];
  licences: ReadonlyMap<string, string>;
  hardwareAssets?: readonly THardwareAsset[];
}): TQuarterAggregates {
  const { period, rows } = input;
  const aggregates = aggregateRecords(rows, period);
  for (const factor of aggregates.factors) {
    factor.licence = input.licences.get(factor.id) ?? null;
  }
  const previous = previousPeriod(period);
  const sameLastYear = samePeriodLastYear(period);
  const ytd = yearToDate(period);
  const assets = input.hardwareAssets;
  const hardware = (p: TCalendarPeriod) =>
    assets ? { hardware: hardwareFiguresInPeriod(assets, p.start, p.end) } : {};
  return {
    ...aggregates,
    ...hardware(period),
    org: input.org,
    period,
    previous: {
      period: previous,
      ...scopeTotalsInside(rows, previous.start, previous.end),
      ...hardware(previous),
    },
    sameLastYear: {
      period: sameLastYear,
      ...scopeTotalsInside(rows, sameLastYear.start, sameLastYear.end),
      ...hardware(sameLastYear),
    },
    yearToDate: { period: ytd, ...scopeTotalsInside(rows, ytd.start, ytd.end), ...hardware(ytd) },
    energyContracts: input.energyContracts,
    restatements: input.restatements,
    ...(assets ? { hardwareAssets: [...assets] } : {}),
  };
}
