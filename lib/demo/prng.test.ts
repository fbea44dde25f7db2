import { describe, expect, test } from 'vitest';
import { createRng, hashString, mulberry32, round } from './prng';

describe('mulberry32', () => {
  test('the same seed yields the same sequence of floats in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1_000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1_000 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });

  test('different seeds yield different sequences', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
});

describe('createRng', () => {
  test('named streams are independent and reproducible', () => {
    expect(createRng(7, 'training').next()).toBe(createRng(7, 'training').next());
    expect(createRng(7, 'training').next()).not.toBe(createRng(7, 'inference').next());
    expect(hashString('abc')).toBe(hashString('abc'));
  });

  test('int is inclusive and between/chance/pick stay in range', () => {
    const rng = createRng(3);
    const ints = new Set(Array.from({ length: 500 }, () => rng.int(1, 3)));
    expect([...ints].sort()).toEqual([1, 2, 3]);
    for (let index = 0; index < 200; index += 1) {
      const value = rng.between(5, 6);
      expect(value).toBeGreaterThanOrEqual(5);
      expect(value).toBeLessThan(6);
      expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    }
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
    expect(() => rng.pick([])).toThrow(/non-empty/);
  });

  test('round keeps a fixed number of decimals', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(1234.5, 0)).toBe(1235);
  });
});
