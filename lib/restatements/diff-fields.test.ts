import { expect, test } from 'vitest';
import { diffFields, isSameValue } from './diff-fields';

test('numbers equal within 1e-12 relative are the same; larger differences are not', () => {
  expect(isSameValue(0.1 + 0.2, 0.3)).toBe(true);
  expect(isSameValue(100, 100.000001)).toBe(false);
  expect(isSameValue(0, 0)).toBe(true);
});

test('objects compare by value whatever the key order; null and undefined are the same', () => {
  expect(isSameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
  expect(isSameValue(['X'], ['Y'])).toBe(false);
  expect(isSameValue(null, undefined)).toBe(true);
});

test('diffFields lists only changed fields, in order, with old and new values as text', () => {
  const changes = diffFields(
    ['locationKgCo2e', 'basis', 'pue', 'gridZone'],
    { locationKgCo2e: 12.5, basis: 'lifecycle', pue: 1.2, gridZone: null },
    { locationKgCo2e: 10, basis: 'direct', pue: 1.2, gridZone: 'FR' },
  );
  expect(changes).toEqual([
    { field: 'locationKgCo2e', oldValue: '12.5', newValue: '10' },
    { field: 'basis', oldValue: 'lifecycle', newValue: 'direct' },
    { field: 'gridZone', oldValue: null, newValue: 'FR' },
  ]);
});
