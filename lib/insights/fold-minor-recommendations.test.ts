import { describe, expect, it } from 'vitest';
import { foldMinorRecommendations } from './fold-minor-recommendations';
import type { TRecommendation } from './recommendation-types';

const rec = (key: string, shareOfTotal: number) => ({ key, shareOfTotal }) as TRecommendation;

describe('foldMinorRecommendations', () => {
  it('keeps shares of 1 % and more in rank order and folds the smaller ones', () => {
    // Total 10 t: 2 t = 20 %, 100 kg = exactly 1 % (shown), 99 kg = 0.99 %, 12 kg = 0.12 % (folded).
    const ranked = [rec('a', 0.2), rec('b', 0.01), rec('c', 0.0099), rec('d', 0.0012)];
    const { shown, minor } = foldMinorRecommendations(ranked);
    expect(shown.map((r) => r.key)).toEqual(['a', 'b']);
    expect(minor.map((r) => r.key)).toEqual(['c', 'd']);
  });

  it('folds nothing when every saving is material, everything when none is', () => {
    expect(foldMinorRecommendations([rec('a', 0.5)]).minor).toEqual([]);
    expect(foldMinorRecommendations([rec('a', 0.001)]).shown).toEqual([]);
  });
});
