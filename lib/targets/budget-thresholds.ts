/** Budget alert thresholds, in % of the budget (issue #8): a warning at 80 %, exhausted at 100 %. */
export const BUDGET_THRESHOLDS_PCT = [80, 100] as const;

export type TBudgetThresholdPct = (typeof BUDGET_THRESHOLDS_PCT)[number];

/** Share of the budget used, in % (0 for a zero or negative budget, which cannot be burned meaningfully). */
export function computeUsedPct(actualKgCo2e: number, budgetKgCo2e: number): number {
  return budgetKgCo2e > 0 ? (actualKgCo2e / budgetKgCo2e) * 100 : 0;
}

/** Thresholds reached (used % ≥ threshold), lowest first; e.g. 85 % → [80], 100 % → [80, 100]. */
export function crossedThresholds(actualKgCo2e: number, budgetKgCo2e: number): TBudgetThresholdPct[] {
  const used = computeUsedPct(actualKgCo2e, budgetKgCo2e);
  return BUDGET_THRESHOLDS_PCT.filter((t) => budgetKgCo2e > 0 && used >= t);
}
