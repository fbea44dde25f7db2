/**
 * The one implementation of time-zone arithmetic (UTC offsets, local calendar dates, wall time → instant) in
 * an IANA zone, used by the quarter/period bounds and by the ingest of naive timestamps. Only
 * Intl.DateTimeFormat (no tz library): offsets come from the runtime's ICU time-zone data.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA zone name (e.g. 'Europe/Paris', 'UTC'). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClockParts(timeZone: string, wholeSecondMs: number): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(wholeSecondMs))) {
    if (p.type !== 'literal') {
      parts[p.type] = Number(p.value);
    }
  }
  return parts;
}

/** The local calendar date (month 1–12) of the UTC instant `utcMs` in `timeZone`. */
export function localDateParts(
  timeZone: string,
  utcMs: number,
): { year: number; month: number; day: number } {
  const parts = wallClockParts(timeZone, Math.floor(utcMs / 1000) * 1000);
  return { year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1 };
}

/** Offset of the zone from UTC at a UTC instant, in ms (Europe/Paris in summer → +7 200 000). */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const wholeSecond = Math.floor(utcMs / 1000) * 1000;
  const parts = wallClockParts(timeZone, wholeSecond);
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - wholeSecond;
}

/**
 * Converts wall-clock fields read in `timeZone` to a UTC Date. In the repeated hour after a DST fall-back the
 * earlier (summer-time) instant is returned; a wall time inside a spring-forward gap is shifted forward by
 * the gap (as `java.time`/Temporal 'compatible' do).
 */
export function zonedWallTimeToUtc(
  wall: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
    ms: number;
  },
  timeZone: string,
): Date {
  const localMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
  // Try both candidate offsets around the wall time and keep the earliest self-consistent one.
  const offsets = [
    zoneOffsetMs(timeZone, localMs - 86_400_000),
    zoneOffsetMs(timeZone, localMs + 86_400_000),
  ];
  const candidates = offsets
    .map((o) => localMs - o)
    .filter((utc) => utc + zoneOffsetMs(timeZone, utc) === localMs)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) {
    return new Date(first);
  }
  // Spring-forward gap: no instant shows this wall time; use the pre-transition offset (moves it forward).
  return new Date(localMs - (offsets[0] ?? 0));
}
