/** Naive local timestamps (CodeCarbon, nvidia-smi) → UTC instants in an IANA zone. */
import { zonedWallTimeToUtc } from '@/lib/emissions/time-zone';

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
