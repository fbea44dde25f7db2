import type { TProgressStatus } from '@/lib/targets/trajectory';

/**
 * Progress of one target over one of its periods that overlaps the report period. The actual counts the
 * target's records (organisation or team) inside [windowStart, windowEnd): the target period clipped to the
 * report period's end, so a yearly target in a Q3 report is judged on January–September (projected to the year).
 */
export interface TReportTargetRow {
  targetId: string;
  name: string;
  /** "Organisation" or the team's name. */
  scope: string;
  metric: 'absolute' | 'intensity';
  basis: 'location' | 'market';
  unit: string;
  periodKey: string;
  windowStart: string;
  windowEnd: string;
  baseYear: number;
  baseValue: number;
  baseValueSource: 'computed' | 'entered';
  targetYear: number;
  targetValue: number;
  trajectoryValue: number;
  actualValue: number | null;
  projectedValue: number | null;
  gapPct: number | null;
  status: TProgressStatus;
  complete: boolean;
  records: number;
}

/** Burn of one team budget period overlapping the report period (same window rule as targets). */
export interface TReportBudgetRow {
  budgetId: string;
  team: string;
  basis: 'location' | 'market';
  periodKey: string;
  windowStart: string;
  windowEnd: string;
  budgetKgCo2e: number;
  actualKgCo2e: number;
  usedPct: number;
  records: number;
  /** Thresholds (80, 100) the budget period has reached (the alerts' own evaluation), lowest first. */
  alertedPct: number[];
}

export interface TTargetsReportInput {
  targets: TReportTargetRow[];
  budgets: TReportBudgetRow[];
}
