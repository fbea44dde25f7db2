import { isDeepStrictEqual } from 'node:util';

/** One changed field of a stored result: the restatement log keeps both values as text. */
export interface TFieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

// Floats are stored as double precision and read back exactly; the tolerance only absorbs summation-order noise
// (relative 1e-12), so any change a reader could see is restated.
const RELATIVE_TOLERANCE = 1e-12;

/** True when two stored values are the same result (numbers within 1e-12 relative; objects by deep equality). */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }
  return isDeepStrictEqual(a ?? null, b ?? null);
}

function toText(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The fields (in the given order) whose values differ between `stored` and `next`, with both values as text. */
export function diffFields(
  fields: readonly string[],
  stored: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>,
): TFieldChange[] {
  const changes: TFieldChange[] = [];
  for (const field of fields) {
    if (!isSameValue(stored[field], next[field])) {
      changes.push({ field, oldValue: toText(stored[field]), newValue: toText(next[field]) });
    }
  }
  return changes;
}
