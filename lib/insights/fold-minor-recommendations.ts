import type { TRecommendation } from './recommendation-types';

/**
 * Share of the organisation's location-based total under which a recommendation is folded away on the page
 * ("N smaller ones"): below 1 % a saving does not move the footprint a reader is looking at, and a long tail of
 * 12 kg/yr suggestions buried the few that matter (issue #23). Folded, not dropped: they stay one click away.
 */
export const MINOR_SHARE = 0.01;

/** The ranked list split into those shown (share ≥ 1 %) and the smaller ones, both in rank order. */
export function foldMinorRecommendations(
  ranked: readonly TRecommendation[],
  minShare = MINOR_SHARE,
): { shown: TRecommendation[]; minor: TRecommendation[] } {
  return {
    shown: ranked.filter((r) => r.shareOfTotal >= minShare),
    minor: ranked.filter((r) => r.shareOfTotal < minShare),
  };
}
