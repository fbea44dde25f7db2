import { parsePeriodKey, type TCalendarPeriod } from '@/lib/emissions/calendar-periods';
import { zonedMonthStart } from '@/lib/emissions/quarters';

function mustPeriod(key: string, timeZone: string): TCalendarPeriod {
  const period = parsePeriodKey(key, timeZone);
  if (!period) {
    throw new Error(`Invalid report period ${key}`);
  }
  return period;
}

/** The period just before: previous quarter (Q1 → Q4 of the year before) or previous year. */
export function previousPeriod(period: TCalendarPeriod): TCalendarPeriod {
  if (period.kind === 'year' || period.quarter === null) {
    return mustPeriod(String(period.year - 1), period.timeZone);
  }
  return period.quarter === 1
    ? mustPeriod(`${period.year - 1}-Q4`, period.timeZone)
    : mustPeriod(`${period.year}-Q${period.quarter - 1}`, period.timeZone);
}

/** The same quarter (or the whole year) one year earlier. */
export function samePeriodLastYear(period: TCalendarPeriod): TCalendarPeriod {
  const key = period.quarter === null ? String(period.year - 1) : `${period.year - 1}-Q${period.quarter}`;
  return mustPeriod(key, period.timeZone);
}

/** Year to date: from 1 January (local) to the period's end. Its key is "YTD <year>-Qn" or the year. */
export function yearToDate(period: TCalendarPeriod): TCalendarPeriod {
  const start = zonedMonthStart(period.year, 0, period.timeZone);
  return { ...period, key: `YTD ${period.key}`, start };
}

/** Local month starts inside the period, as [key YYYY-MM, start, end). */
export function monthsOf(period: TCalendarPeriod): { month: string; start: Date; end: Date }[] {
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
export function periodLabel(period: Pick<TCalendarPeriod, 'kind' | 'year' | 'quarter'>): string {
  return period.kind === 'quarter' ? `Q${period.quarter} ${period.year}` : `FY ${period.year}`;
}
