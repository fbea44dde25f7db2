/** A quantity known only as a range; a fixed value has min = max. */
export interface TValueRange {
  min: number;
  max: number;
}

export function fixedRange(value: number): TValueRange {
  return { min: value, max: value };
}

/** A number or a {min, max} object (EcoLogits' RangeValue) as a range. */
export function toRange(value: number | TValueRange): TValueRange {
  return typeof value === 'number' ? fixedRange(value) : value;
}

/** EcoLogits' RangeValue arithmetic: min with min, max with max. */
export function mapRange(a: TValueRange, fn: (x: number) => number): TValueRange {
  return { min: fn(a.min), max: fn(a.max) };
}

export function combineRanges(
  a: TValueRange,
  b: TValueRange,
  fn: (x: number, y: number) => number,
): TValueRange {
  return { min: fn(a.min, b.min), max: fn(a.max, b.max) };
}

/** Central value we store for a range: its midpoint (docs/METHODOLOGY.md "AI services", ranges). */
export function midpoint(range: TValueRange): number {
  return (range.min + range.max) / 2;
}
