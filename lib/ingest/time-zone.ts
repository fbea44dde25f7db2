/**
 * Naive local timestamps (CodeCarbon, nvidia-smi) → UTC instants in an IANA zone, using only
 * Intl.DateTimeFormat (no tz library). Offsets come from the runtime's ICU time-zone data.
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

/** Offset of the zone from UTC at a UTC instant, in ms (Europe/Paris in summer → +7 200 000). */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const wholeSecond = Math.floor(utcMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(wholeSecond))) {
    if (p.type !== 'literal') {
      parts[p.type] = Number(p.value);
    }
  }
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

// 2024-05-31T10:39:13, 2024-05-31 10:39:13.5, 2024/05/01 12:00:00.123; optional explicit Z/±hh:mm offset.
const NAIVE =
  /^(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a timestamp without zone as wall time in `timeZone`; a timestamp carrying `Z` or an offset is
 * honoured as is. Returns null for anything else or for impossible dates (2024-02-31, 25:00).
 */
export function parseLocalTimestamp(text: string, timeZone: string): Date | null {
  const m = NAIVE.exec(text.trim());
  if (!m) {
    return null;
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? '0');
  const ms = Math.round(Number(`0.${m[7] ?? '0'}`) * 1000);
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    probe.getUTCHours() !== hour ||
    second > 59
  ) {
    return null;
  }
  const zone = m[8];
  if (zone) {
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${String(second).padStart(2, '0')}.${String(ms).padStart(3, '0')}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
    return new Date(iso);
  }
  return zonedWallTimeToUtc({ year, month, day, hour, minute, second, ms }, timeZone);
}
