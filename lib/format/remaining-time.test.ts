import { expect, test } from 'vitest';
import { formatRemainingTime } from './remaining-time';

test('seconds, then minutes and seconds, then minutes, then hours and minutes', () => {
  expect(formatRemainingTime(0)).toBe('0 s');
  expect(formatRemainingTime(12.2)).toBe('13 s');
  expect(formatRemainingTime(59)).toBe('59 s');
  expect(formatRemainingTime(60)).toBe('1 min');
  // 185 s = 3 × 60 + 5.
  expect(formatRemainingTime(185)).toBe('3 min 5 s');
  // 599 s = 9 min 59 s; 600 s = 10 min.
  expect(formatRemainingTime(599)).toBe('9 min 59 s');
  expect(formatRemainingTime(600)).toBe('10 min');
  // 1,000 s = 16.7 min → 17 min; 3,569 s = 59.48 min → 59 min; 3,570 s = 59.5 min → 60 min = 1 h.
  expect(formatRemainingTime(1_000)).toBe('17 min');
  expect(formatRemainingTime(3_569)).toBe('59 min');
  expect(formatRemainingTime(3_570)).toBe('1 h');
  // 4,830 s = 80.5 min → 81 min = 1 h 21 min.
  expect(formatRemainingTime(4_830)).toBe('1 h 21 min');
  expect(formatRemainingTime(-3)).toBe('0 s');
});
