import { expect, test } from 'vitest';
import { baseRestatement } from './base-restatement';

test('a computed base that the records no longer give asks for a restatement', () => {
  // 100 t computed; the base year's records now give 104 t: +4 %.
  expect(baseRestatement({ baseValue: 100, baseValueSource: 'computed' }, 104)).toEqual({
    storedValue: 100,
    currentValue: 104,
    changePct: 4,
  });
});

test('unchanged (within 0.05 %), entered or unknown bases do not', () => {
  expect(baseRestatement({ baseValue: 100, baseValueSource: 'computed' }, 100.04)).toBeNull();
  expect(baseRestatement({ baseValue: 100, baseValueSource: 'entered' }, 150)).toBeNull();
  expect(baseRestatement({ baseValue: 100, baseValueSource: 'computed' }, null)).toBeNull();
});
