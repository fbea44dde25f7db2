import { expect, test } from 'vitest';
import { measuredShare } from './measured-share';

test('measured share is energy-weighted over IT energy', () => {
  // 30 kWh metered out of 200 kWh: 0.15, whatever the number of records behind each.
  expect(measuredShare(30, 200)).toBeCloseTo(0.15, 12);
  expect(measuredShare(0, 50)).toBe(0);
  expect(measuredShare(0, 0)).toBeNull();
});
