import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('formatMoney', () => {
  it('shows the currency, whole units from 100 up, cents below, four decimals under a cent', () => {
    expect(formatMoney(8059.4, 'EUR')).toBe('€8,059');
    expect(formatMoney(12.345, 'EUR')).toBe('€12.35');
    expect(formatMoney(0.0042, 'EUR')).toBe('€0.0042');
    expect(formatMoney(0, 'EUR')).toBe('€0');
    expect(formatMoney(1500, 'USD')).toBe('US$1,500');
    expect(formatMoney(-20.5, 'GBP')).toBe('-£20.50');
  });

  it('falls back to "amount CODE" for a code Intl rejects', () => {
    expect(formatMoney(1234, 'X1Z')).toBe('1,234 X1Z');
  });
});
