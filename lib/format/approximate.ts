// Illustrative and derived figures without false precision: "8,059,254 smartphones" claims seven significant
// digits that an equivalence factor (itself ±10 % or worse) cannot carry; "+67217 %" against a near-zero base says
// nothing a reader can use. Two significant digits and a cap instead.

const TWO_SIGNIFICANT = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 2 });
const SCALES: [number, string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** A count to two significant digits, prefixed "≈": 8,059,254 → "≈ 8.1 million", 12,345 → "≈ 12,000", 3.46 → "≈ 3.5". */
export function formatApproxCount(value: number): string {
  const abs = Math.abs(value);
  for (const [scale, word] of SCALES) {
    if (abs >= scale) {
      return `≈ ${TWO_SIGNIFICANT.format(value / scale)} ${word}`;
    }
  }
  return `≈ ${TWO_SIGNIFICANT.format(value)}`;
}

/**
 * Changes beyond ±1,000 % (the base is under a tenth of the current value) are not printed as a percentage: the
 * figure is dominated by the base's smallness, not by the change.
 */
export const MAX_PRINTED_CHANGE = 10;

/** 0.123 → "+12 %", −0.05 → "−5 %", 672.17 → "n/a (base near zero)", null → "n/a (no base)". */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) {
    return 'n/a (no base)';
  }
  if (Math.abs(change) > MAX_PRINTED_CHANGE) {
    return 'n/a (base near zero)';
  }
  const percent = Math.round(change * 100);
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return `${sign}${Math.abs(percent).toLocaleString('en-GB')} %`;
}
