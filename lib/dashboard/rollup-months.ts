/**
 * Splits a range of whole local days [fromDay, toDay) (YYYY-MM-DD, toDay exclusive) into its whole calendar
 * months [fromMonth, toMonth) — read from usage_rollup_monthly — and the partial edge days around them
 * ([fromDay, fromMonth) and [toMonth, toDay)) read from usage_rollup_daily. Null when the range holds no whole
 * month. Pure (plain calendar arithmetic on ISO days; the days are already the organisation's local days).
 */
export function wholeMonthsOf(days: {
  fromDay: string;
  toDay: string;
}): { fromMonth: string; toMonth: string } | null {
  const [fy, fm, fd] = days.fromDay.split('-').map(Number) as [number, number, number];
  const fromMonth = fd === 1 ? days.fromDay : monthStart(fy, fm + 1);
  const toMonth = `${days.toDay.slice(0, 7)}-01`;
  return fromMonth < toMonth ? { fromMonth, toMonth } : null;
}

/** First day of month `month1` (1-based, may be 13) of `year`, YYYY-MM-DD. */
function monthStart(year: number, month1: number): string {
  const y = month1 > 12 ? year + 1 : year;
  const m = month1 > 12 ? month1 - 12 : month1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}
