import type { GridFactor } from '@/lib/emissions/factor-library-types';
import { plainGridFactor } from '@/lib/emissions/grid-factor-columns';
import { normalizeZone } from '@/lib/emissions/normalize-key';

const keyOf = (f: GridFactor) => `${normalizeZone(f.zone)}|${f.basis}`;

/** Parts of [start, end) not covered by any of `cuts` (each a half-open interval), in ms. */
function subtract(start: number, end: number, cuts: readonly [number, number][]): [number, number][] {
  let pieces: [number, number][] = [[start, end]];
  for (const [cutStart, cutEnd] of cuts) {
    pieces = pieces.flatMap(([s, e]): [number, number][] => {
      if (cutEnd <= s || cutStart >= e) {
        return [[s, e]];
      }
      const kept: [number, number][] = [];
      if (cutStart > s) {
        kept.push([s, cutStart]);
      }
      if (cutEnd < e) {
        kept.push([cutEnd, e]);
      }
      return kept;
    });
  }
  return pieces;
}

/**
 * Makes organisation grid-factor overrides win over bundled factors: for each zone and basis, bundled factors
 * of every granularity are cut out of the overrides' validity periods (a bundled yearly factor partly covered
 * by an override keeps its uncovered part, same id and value), so the engine's lookup (hourly > monthly >
 * yearly) can only find the override there. Overrides come first in the result (first wins on equal starts).
 */
export function applyGridOverrides(
  bundled: readonly GridFactor[],
  overrides: readonly GridFactor[],
): GridFactor[] {
  if (overrides.length === 0) {
    return [...bundled];
  }
  const cutsByKey = new Map<string, [number, number][]>();
  for (const o of overrides) {
    const cuts = cutsByKey.get(keyOf(o)) ?? [];
    cuts.push([o.periodStart.getTime(), o.periodEnd.getTime()]);
    cutsByKey.set(keyOf(o), cuts);
  }
  const kept: GridFactor[] = [];
  for (const factor of bundled) {
    const cuts = cutsByKey.get(keyOf(factor));
    if (!cuts) {
      kept.push(factor);
      continue;
    }
    for (const [start, end] of subtract(factor.periodStart.getTime(), factor.periodEnd.getTime(), cuts)) {
      kept.push({ ...plainGridFactor(factor), periodStart: new Date(start), periodEnd: new Date(end) });
    }
  }
  return [...overrides, ...kept];
}
