import { expect, test } from 'vitest';
import { wholeMonthsOf } from './rollup-months';

test('a range of whole months is read wholly from the monthly rollups', () => {
  expect(wholeMonthsOf({ fromDay: '2025-12-01', toDay: '2026-12-01' })).toEqual({
    fromMonth: '2025-12-01',
    toMonth: '2026-12-01',
  });
});

test('partial edge months are left to the daily rollups', () => {
  expect(wholeMonthsOf({ fromDay: '2026-03-03', toDay: '2026-07-18' })).toEqual({
    fromMonth: '2026-04-01',
    toMonth: '2026-07-01',
  });
  // Year boundary: the month after December.
  expect(wholeMonthsOf({ fromDay: '2025-12-15', toDay: '2026-02-02' })).toEqual({
    fromMonth: '2026-01-01',
    toMonth: '2026-02-01',
  });
});

test('no whole month inside the range gives null', () => {
  expect(wholeMonthsOf({ fromDay: '2026-03-03', toDay: '2026-04-17' })).toBeNull();
  expect(wholeMonthsOf({ fromDay: '2026-03-03', toDay: '2026-03-20' })).toBeNull();
  expect(wholeMonthsOf({ fromDay: '2026-10-01', toDay: '2026-10-31' })).toBeNull();
  expect(wholeMonthsOf({ fromDay: '2026-10-01', toDay: '2026-11-01' })).toEqual({
    fromMonth: '2026-10-01',
    toMonth: '2026-11-01',
  });
});
