import { describe, expect, it } from 'vitest';
import { formatApproxCount, formatChange } from './approximate';

describe('formatApproxCount', () => {
  it('rounds to two significant digits with a scale word for millions and billions', () => {
    expect(formatApproxCount(8_059_254)).toBe('≈ 8.1 million');
    expect(formatApproxCount(2_450_000_000)).toBe('≈ 2.5 billion');
    expect(formatApproxCount(12_345)).toBe('≈ 12,000');
    expect(formatApproxCount(987)).toBe('≈ 990');
    expect(formatApproxCount(3.46)).toBe('≈ 3.5');
    expect(formatApproxCount(0.042)).toBe('≈ 0.042');
  });
});

describe('formatChange', () => {
  it('prints whole percentages with a sign', () => {
    expect(formatChange(0.123)).toBe('+12 %');
    expect(formatChange(-0.05)).toBe('−5 %');
    expect(formatChange(0.001)).toBe('±0 %');
    expect(formatChange(10)).toBe('+1,000 %');
  });

  it('refuses a percentage against a near-zero or missing base', () => {
    // 672.17 = +67,217 %: current / previous ≈ 673, i.e. the base is 0.15 % of the current value.
    expect(formatChange(672.17)).toBe('n/a (base near zero)');
    expect(formatChange(-10.5)).toBe('n/a (base near zero)');
    expect(formatChange(null)).toBe('n/a (no base)');
    expect(formatChange(Number.POSITIVE_INFINITY)).toBe('n/a (no base)');
  });
});
