/**
 * Small seeded pseudo-random number generator for deterministic demo data (never Math.random).
 * mulberry32: 32-bit state, fast, good enough statistical quality for synthetic data.
 */

/** Returns a generator of floats in [0, 1) fully determined by `seed`. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 32-bit FNV-1a hash, used to derive independent streams from one seed. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export type TRng = {
  /** Float in [0, 1). */
  next: () => number;
  /** Float in [min, max). */
  between: (min: number, max: number) => number;
  /** Integer in [min, max] (inclusive). */
  int: (min: number, max: number) => number;
  /** True with probability p. */
  chance: (p: number) => boolean;
  /** One element of a non-empty list. */
  pick: <T>(items: readonly T[]) => T;
};

/**
 * A seeded generator with helpers. `stream` names an independent sequence, so adding draws to one
 * generator (e.g. inference) does not shift the values of another (e.g. training).
 */
export function createRng(seed: number, stream = ''): TRng {
  const next = mulberry32((seed ^ hashString(stream)) >>> 0);
  const between = (min: number, max: number) => min + (max - min) * next();
  return {
    next,
    between,
    int: (min, max) => Math.floor(between(min, max + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) {
        throw new Error('pick() needs a non-empty list');
      }
      return item;
    },
  };
}

/** Rounds to a fixed number of decimals (keeps generated numbers readable and stable). */
export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
