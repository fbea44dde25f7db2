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

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/**
 * Every instant a wall time can mean in `timeZone`:
 * - 'unique': one instant (earlier = later);
 * - 'ambiguous': the repeated hour after a fall-back (America/New_York 2024-11-03 01:30 is 05:30Z in EDT and
 *   06:30Z in EST): `earlier` is the first occurrence, `later` the second;
 * - 'gap': the skipped hour of a spring-forward (Europe/Paris 2024-03-31 02:30 never shows on a clock):
 *   earlier = later = the wall time read with the offset before the change (02:30 CET = 01:30Z, i.e. 03:30 CEST).
 */
export function resolveZonedWallTime(
  wall: WallTime,
  timeZone: string,
): { kind: 'unique' | 'ambiguous' | 'gap'; earlier: Date; later: Date } {
  const localMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
  // Offsets in force a day before and after: a DST change is a single step, so these are the only candidates.
  const offsets = [
    zoneOffsetMs(timeZone, localMs - 86_400_000),
    zoneOffsetMs(timeZone, localMs + 86_400_000),
  ];
  const candidates = [...new Set(offsets.map((o) => localMs - o))]
    .filter((utc) => utc + zoneOffsetMs(timeZone, utc) === localMs)
    .sort((a, b) => a - b);
  const [first, second] = candidates;
  if (first === undefined) {
    const shifted = new Date(localMs - (offsets[0] ?? 0));
    return { kind: 'gap', earlier: shifted, later: shifted };
  }
  if (second === undefined) {
    return { kind: 'unique', earlier: new Date(first), later: new Date(first) };
  }
  return { kind: 'ambiguous', earlier: new Date(first), later: new Date(second) };
}

/**
 * Converts wall-clock fields read in `timeZone` to a UTC Date. In the repeated hour after a DST fall-back the
 * earlier (summer-time) instant is returned; a wall time inside a spring-forward gap is shifted forward by
 * the gap (as `java.time`/Temporal 'compatible' do). Callers that must not guess use `resolveZonedWallTime`.
 */
export function zonedWallTimeToUtc(wall: WallTime, timeZone: string): Date {
  return resolveZonedWallTime(wall, timeZone).earlier;
}

/** "+02:00" / "-05:00": the UTC offset a wall time had at `instant` (for messages that suggest an offset). */
export function formatUtcOffset(wall: WallTime, instant: Date): string {
  const localMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
  const minutes = Math.round((localMs - instant.getTime()) / 60_000);
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
