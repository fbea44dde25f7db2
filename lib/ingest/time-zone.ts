/** Naive local timestamps (CodeCarbon, nvidia-smi, generic CSV) → UTC instants in an IANA zone. */
import { resolveZonedWallTime, type WallTime } from '@/lib/emissions/time-zone';

// 2024-05-31T10:39:13, 2024-05-31 10:39:13.5, 2024/05/01 12:00:00.123; optional explicit Z/±hh:mm offset.
const NAIVE =
  /^(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A timestamp read as wall time: `kind` 'offset' when the text carries Z or an offset (honoured as is), else how
 * the wall time maps to instants in the zone (`resolveZonedWallTime`): 'unique', 'ambiguous' (the repeated hour
 * after a fall-back: `instant` is the first occurrence, `later` the second) or 'gap' (a time the clocks skip:
 * `instant` is read with the offset before the change, i.e. shifted forward by the gap).
 */
export interface LocalTimestamp {
  instant: Date;
  later: Date;
  kind: 'offset' | 'unique' | 'ambiguous' | 'gap';
  wall: WallTime;
}

/** Reads `text` (see `NAIVE`) as wall time in `timeZone`; null for anything else or impossible dates (2024-02-31, 25:00). */
export function readLocalTimestamp(text: string, timeZone: string): LocalTimestamp | null {
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
  const wall = { year, month, day, hour, minute, second, ms };
  const zone = m[8];
  if (zone) {
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${String(second).padStart(2, '0')}.${String(ms).padStart(3, '0')}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
    const instant = new Date(iso);
    return { instant, later: instant, kind: 'offset', wall };
  }
  const resolved = resolveZonedWallTime(wall, timeZone);
  return { instant: resolved.earlier, later: resolved.later, kind: resolved.kind, wall };
}

/**
 * Parses a timestamp without zone as wall time in `timeZone` (the first occurrence in a repeated hour, shifted
 * forward in a skipped one); a timestamp carrying `Z` or an offset is honoured as is. Null when unreadable.
 */
export function parseLocalTimestamp(text: string, timeZone: string): Date | null {
  return readLocalTimestamp(text, timeZone)?.instant ?? null;
}
