import { describe, expect, test } from 'vitest';
import { changeDisplay } from './change-display';

describe('change vs a comparative period', () => {
  test('signed, one decimal, a rise of emissions is worse and a fall better', () => {
    // Demo Q3 2026 vs Q2: (36.238 − 23.589) / 23.589 = +53.6 %.
    expect(changeDisplay(53.6, 23.589, 'tCO2e')).toEqual({ text: '+53.6 %', tone: 'worse' });
    expect(changeDisplay(-41, 3.696, 'tCO2e')).toEqual({ text: '−41.0 %', tone: 'better' });
    // The measured share rising is good news.
    expect(changeDisplay(12.5, 10, '%', true)).toEqual({ text: '+12.5 %', tone: 'better' });
    expect(changeDisplay(0, 5, 'MWh')).toEqual({ text: '±0.0 %', tone: 'neutral' });
  });

  test('beyond ±999 % the base is shown instead (issue #22: 576,619.3 % YoY)', () => {
    // Demo Cat 1 MB: 9.879 t vs 0.002 t a year earlier.
    expect(changeDisplay(576619.3, 0.002, 'tCO2e')).toEqual({
      text: 'n/a (base near zero: 0.002 tCO₂e)',
      tone: 'neutral',
    });
    expect(changeDisplay(1459.1, 0.774, 'tCO2e').text).toBe('n/a (base near zero: 0.774 tCO₂e)');
    expect(changeDisplay(999, 1, 'MWh').text).toBe('+999.0 %');
    expect(changeDisplay(-999.1, 1, 'MWh').text).toBe('n/a (base near zero: 1 MWh)');
  });

  test('no change defined: a zero base is named', () => {
    expect(changeDisplay(null, 0, 'tCO2e')).toEqual({ text: 'n/a (base 0 tCO₂e)', tone: 'neutral' });
    expect(changeDisplay(null, null, 'tCO2e')).toEqual({ text: 'n/a', tone: 'neutral' });
  });
});
