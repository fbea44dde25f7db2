import { parseNumberCell } from '../parse-number';
import type { IssueSink } from '../types';

/** Reads named cells of one row and reports bad values with the row's line and the column name. */
export interface TCellReader {
  text(column: string): string;
  /** A count ≥ 0; blank → `blank`; invalid or negative → error, null. */
  count(column: string, blank?: number | null): number | null;
  /** An instant (ISO 8601 with offset or Z, or Unix seconds) as ISO UTC; error and null when unusable. */
  instant(column: string): string | null;
  /** A billing charge's period and quantity (a blank quantity is an error); null when any is unusable. */
  charge(
    startColumn: string,
    endColumn: string,
    quantityColumn: string,
  ): { start: string; end: string; quantity: number } | null;
  readonly failed: boolean;
}

/** Unix seconds or ISO 8601; a value without offset is UTC (every export here writes UTC). */
export function toIsoInstant(raw: string | number): string | null {
  const text = String(raw).trim();
  if (/^\d{9,11}(\.\d+)?$/.test(text)) {
    return new Date(Number(text) * 1000).toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) {
    return null;
  }
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const date = new Date(hasZone || text.length === 10 ? text : `${text.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function createCellReader(
  get: (column: string) => string | undefined,
  line: number,
  sink: IssueSink,
): TCellReader {
  let failed = false;
  const fail = (column: string, message: string) => {
    sink.error(line, column, message);
    failed = true;
  };
  return {
    text: (column) => (get(column) ?? '').trim(),
    count(column, blank = 0) {
      const cell = parseNumberCell(get(column) ?? '');
      if (cell.kind === 'empty') {
        return blank;
      }
      if (cell.kind === 'invalid') {
        fail(column, cell.message);
        return null;
      }
      if (cell.value < 0) {
        fail(column, `${column} is negative (${cell.value}); token and request counts must be 0 or more`);
        return null;
      }
      return cell.value;
    },
    instant(column) {
      const raw = (get(column) ?? '').trim();
      const iso = raw ? toIsoInstant(raw) : null;
      if (!iso) {
        fail(column, raw ? `"${raw}" is not a date-time (ISO 8601 or Unix seconds)` : `${column} is empty`);
      }
      return iso;
    },
    charge(startColumn, endColumn, quantityColumn) {
      const start = this.instant(startColumn);
      const end = this.instant(endColumn);
      const quantity = this.count(quantityColumn, null);
      if (quantity === null && !failed) {
        fail(quantityColumn, `${quantityColumn} is empty`);
      }
      return failed || !start || !end || quantity === null ? null : { start, end, quantity };
    },
    get failed() {
      return failed;
    },
  };
}

/**
 * Tokens per unit of a billing quantity: "Tokens", "count" → 1; "1K", "1000 Tokens", "1K tokens" → 1,000;
 * "1M tokens" → 1,000,000. Null when the unit is not a token count (hours, GB, images…).
 */
export function tokensPerUnit(unit: string): number | null {
  const u = unit.trim().toLowerCase();
  if (/(?:^|[^a-z0-9])(?:tokens?|count)$/.test(u) && !/\d\s*[km]?\s*tokens?$/.test(u)) {
    return 1;
  }
  const scaled = /(?:^|[^a-z0-9.])(1|1000|1,000|1000000|1,000,000)\s*([km])?(?:\s*tokens?)?$/.exec(u);
  if (!scaled) {
    return null;
  }
  const base = Number((scaled[1] ?? '1').replace(/,/g, ''));
  const factor = scaled[2] === 'k' ? 1000 : scaled[2] === 'm' ? 1_000_000 : 1;
  const tokens = base * factor;
  return tokens > 1 ? tokens : null;
}

/** Hours per unit of a time quantity ("Hours", "Hrs", "1 Hour", "hour" → 1; "seconds" → 1/3600); else null. */
export function hoursPerUnit(unit: string): number | null {
  const u = unit.trim().toLowerCase();
  if (/^(?:1\s*)?(?:hours?|hrs?|h)$/.test(u)) {
    return 1;
  }
  if (/^(?:seconds?|s)$/.test(u)) {
    return 1 / 3600;
  }
  return null;
}

/** Token direction named in a SKU, meter or usage-type text; null when it names neither or both. */
export function tokenDirection(text: string): 'input' | 'output' | null {
  const t = text.toLowerCase();
  const output = /(?:^|[^a-z])(?:output|completion|generated|response)(?:[^a-z]|$)/.test(t);
  const input = /(?:^|[^a-z])(?:input|prompt|cached?)(?:[^a-z]|$)/.test(t);
  if (output === input) {
    return null;
  }
  return output ? 'output' : 'input';
}

/** JSON tags of a FOCUS `Tags` cell or GCP `labels` (array of {key, value}) as a flat map; {} when unreadable. */
export function parseTagCell(raw: string): Record<string, string> {
  if (!raw.trim()) {
    return {};
  }
  try {
    const value: unknown = JSON.parse(raw);
    if (Array.isArray(value)) {
      return Object.fromEntries(
        value
          .filter(
            (t): t is { key: unknown; value: unknown } => typeof t === 'object' && t !== null && 'key' in t,
          )
          .map((t) => [String(t.key), String(t.value ?? '')]),
      );
    }
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v ?? '')]));
    }
  } catch {
    // Not JSON: no tags rather than a rejected row (tags only group usage).
  }
  return {};
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The catalog instance type named inside a billing text (Azure meters write "ND96isr H100 v5" for
 * Standard_ND96isr_H100_v5): the longest catalog name contained once both are reduced to letters and digits
 * (Azure's "Standard_" prefix dropped). Null when none is contained.
 */
export function findInstanceTypeInText(names: readonly string[], text: string): string | null {
  const haystack = squash(text);
  let best: string | null = null;
  let bestLength = 0;
  for (const name of names) {
    const key = squash(name.replace(/^standard_/i, ''));
    const at = haystack.indexOf(key);
    // A digit right after the match means a longer size of the family (nc6 inside nc64…): not this type.
    if (key.length > bestLength && at >= 0 && !/\d/.test(haystack.charAt(at + key.length))) {
      best = name;
      bestLength = key.length;
    }
  }
  return best;
}
