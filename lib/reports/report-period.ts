import { quarterBounds, zonedMonthStart } from '@/lib/emissions/quarters';
import type { TReportPeriod } from './aggregate-types';

/** "2026-Q3" (a quarter) or "2026" (a full year). */
export const REPORT_PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4]))?$/;

/** The period named by `key` in `timeZone`; null when the key is malformed. */
export function reportPeriod(key: string, timeZone = 'UTC'): TReportPeriod | null {
  const match = REPORT_PERIOD_PATTERN.exec(key);
  if (!match) {
    return null;
  }
  const year = Number(match[1]);
  if (match[2]) {
    const quarter = Number(match[2]) as 1 | 2 | 3 | 4;
    const q = quarterBounds(year, quarter, timeZone);
    return { key, kind: 'quarter', year, quarter, start: q.start, end: q.end, timeZone };
  }
  return {
    key,
    kind: 'year',
    year,
    quarter: null,
    start: zonedMonthStart(year, 0, timeZone),
    end: zonedMonthStart(year + 1, 0, timeZone),
    timeZone,
  };
}

function mustPeriod(key: string, timeZone: string): TReportPeriod {
  const period = reportPeriod(key, timeZone);
  if (!period) {
    throw new Error(`Invalid report period ${key}`);
  }
  return period;
}

/** The period just before: previous quarter (Q1 → Q4 of the year before) or previous year. */
export function previousPeriod(period: TReportPeriod): TReportPeriod {
  if (period.kind === 'year' || period.quarter === null) {
    return mustPeriod(String(period.year - 1), period.timeZone);
  }
  return period.quarter === 1
    ? mustPeriod(`${period.year - 1}-Q4`, period.timeZone)
    : mustPeriod(`${period.year}-Q${period.quarter - 1}`, period.timeZone);
}

/** The same quarter (or the whole year) one year earlier. */
export function samePeriodLastYear(period: TReportPeriod): TReportPeriod {
  const key = period.quarter === null ? String(period.year - 1) : `${period.year - 1}-Q${period.quarter}`;
  return mustPeriod(key, period.timeZone);
}

/** Year to date: from 1 January (local) to the period's end. Its key is "YTD <year>-Qn" or the year. */
export function yearToDate(period: TReportPeriod): TReportPeriod {
  const start = zonedMonthStart(period.year, 0, period.timeZone);
  return { ...period, key: `YTD ${period.key}`, start };
}

/** Local month starts inside the period, as [key YYYY-MM, start, end). */
export function monthsOf(period: TReportPeriod): { month: string; start: Date; end: Date }[] {
  const firstMonth0 = period.quarter === null ? 0 : (period.quarter - 1) * 3;
  const count = period.quarter === null ? 12 : 3;
  const out: { month: string; start: Date; end: Date }[] = [];
  for (let i = 0; i < count; i += 1) {
    const month0 = firstMonth0 + i;
    out.push({
      month: `${period.year}-${String(month0 + 1).padStart(2, '0')}`,
      start: zonedMonthStart(period.year, month0, period.timeZone),
      end: zonedMonthStart(period.year, month0 + 1, period.timeZone),
    });
  }
  return out;
}

/** Human label: "Q3 2026" or "FY 2026". */
export function periodLabel(period: Pick<TReportPeriod, 'kind' | 'year' | 'quarter'>): string {
  return period.kind === 'quarter' ? `Q${period.quarter} ${period.year}` : `FY ${period.year}`;
}
