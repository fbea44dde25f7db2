import { expect, test } from 'vitest';
import { formatCubicMetres, formatMwh, formatNumber, formatShare, formatTonnesCo2e } from './quantities';

test('converts canonical units for display', () => {
  expect(formatTonnesCo2e(12_345)).toBe('12.3 tCO₂e');
  expect(formatMwh(456_789)).toBe('457 MWh');
  expect(formatCubicMetres(2_500)).toBe('2.5 m³');
  expect(formatShare(0.426)).toBe('43%');
});

test('keeps three significant digits for small numbers', () => {
  expect(formatNumber(0)).toBe('0');
  expect(formatNumber(0.012345)).toBe('0.0123');
  expect(formatNumber(5.678)).toBe('5.68');
  expect(formatNumber(-1234.5)).toBe('-1,235');
});
