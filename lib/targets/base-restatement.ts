/**
 * Whether a computed target base no longer matches its base year's records (issue #23): an upload added or
 * changed base-year records after the base was computed. Then the Targets page asks to restate the base
 * (recompute it from the records, audited) instead of judging the target against a stale reference. Entered
 * bases are the user's figure and are left alone. Relative tolerance 0.05 %: recomputation noise is far smaller.
 */
export interface TBaseRestatement {
  storedValue: number;
  currentValue: number;
  /** (current − stored) / stored × 100. */
  changePct: number;
}

const TOLERANCE = 0.0005;

export function baseRestatement(
  target: { baseValue: number; baseValueSource: 'computed' | 'entered' },
  currentValue: number | null,
): TBaseRestatement | null {
  if (target.baseValueSource !== 'computed' || currentValue === null) {
    return null;
  }
  const stored = target.baseValue;
  const drift = Math.abs(currentValue - stored);
  if (drift <= TOLERANCE * Math.abs(stored)) {
    return null;
  }
  return {
    storedValue: stored,
    currentValue,
    changePct: stored === 0 ? 100 : ((currentValue - stored) / stored) * 100,
  };
}
