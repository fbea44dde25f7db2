import 'server-only';
import { userActor } from '@/lib/auth/actor';
import { calendarPeriod } from '@/lib/emissions/calendar-periods';
import { computeMetricValue } from '@/lib/targets/target-metric';
import { saveBudget } from '../targets/budgets';
import { evaluatePendingBudgetAlerts } from '../targets/pending-budget-alerts';
import { getOrgTimeZone, sumEmissionsInWindows } from '../targets/target-sums';
import { saveTarget } from '../targets/targets';

/**
 * The demo organisation's reduction target (docs/TARGETS.md, "Demo data"): organisation-wide, absolute,
 * location-based tCO2e per year, −30 % against the 2025 base by 2030. Assumption, stated in its name: the base is
 * computed from the 2025 records as recorded, i.e. May–December only (the demo data starts in May 2025), so it
 * is not annualised.
 */
export const DEMO_TARGET = {
  name: '−30 % location-based tCO₂e by 2030 vs 2025 (base: May–Dec 2025 as recorded)',
  baseYear: 2025,
  targetYear: 2030,
  reductionShare: 0.3,
} as const;

/**
 * The demo quarterly budget: team Platform (LLM API, evaluation harness, data pipeline: the largest and fastest
 * growing emitter), location-based, 30 t CO2e per quarter ≈ its 2026-Q3 emissions (≈ 29 t), i.e. "hold
 * inference growth flat". October 2026 alone (≈ 13 t) uses ≈ 44 % of 2026-Q4, under the 80 % alert.
 */
export const DEMO_BUDGET = { teamSlug: 'platform', periodKind: 'quarter', amountKgCo2e: 30_000 } as const;

/**
 * Seeds the demo target and budget through the same lib/server functions as the Targets page (validated, audited,
 * base value computed from the records), then evaluates budget alerts as every write does. Deterministic: the
 * figures come from the deterministic demo records. Skips the target when the base year has no records (demo
 * window moved with DEMO_END_EXCLUSIVE).
 */
export async function seedDemoTargetAndBudget(
  ctx: { orgId: string; userId: string },
  teamIdBySlug: ReadonlyMap<string, string>,
  now: Date,
): Promise<void> {
  const writer = { orgId: ctx.orgId, role: 'owner' as const, actor: userActor(ctx.userId) };
  const base = calendarPeriod(DEMO_TARGET.baseYear, null, await getOrgTimeZone(ctx));
  const sums = (await sumEmissionsInWindows(ctx, [base], null)).get(base.key);
  const baseTonnes = sums ? computeMetricValue(sums, 'absolute', 'location') : null;
  if (baseTonnes !== null) {
    await saveTarget(writer, {
      id: null,
      name: DEMO_TARGET.name,
      teamId: null,
      metric: 'absolute',
      basis: 'location',
      periodKind: 'year',
      baseYear: DEMO_TARGET.baseYear,
      baseValue: null,
      targetYear: DEMO_TARGET.targetYear,
      // Rounded to 0.1 t so the form shows a plain figure.
      targetValue: Math.round(baseTonnes * (1 - DEMO_TARGET.reductionShare) * 10) / 10,
    });
  }
  const teamId = teamIdBySlug.get(DEMO_BUDGET.teamSlug);
  if (teamId) {
    await saveBudget(writer, {
      id: null,
      teamId,
      periodKind: DEMO_BUDGET.periodKind,
      basis: 'location',
      amountKgCo2e: DEMO_BUDGET.amountKgCo2e,
    });
    await evaluatePendingBudgetAlerts(ctx, now);
  }
}
