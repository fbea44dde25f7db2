// The one date-time format of the product ("6 Dec 2026, 19:05"): British day-month order, abbreviated month,
// 24-hour clock, in UTC so the server-rendered page and the browser agree whatever either machine's zone.
// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with one.
const MINUTES = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const SECONDS = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

/** "6 Dec 2026, 19:05" (UTC); `seconds: true` → "6 Dec 2026, 19:05:42" (the audit log orders events within a minute). */
export function formatDateTime(instant: Date | string, options: { seconds?: boolean } = {}): string {
  return (options.seconds ? SECONDS : MINUTES).format(
    typeof instant === 'string' ? new Date(instant) : instant,
  );
}

/** A calendar day as ISO 8601 "2026-12-06" (UTC): factor validity, purchase and completion dates, file names. */
export function formatDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
