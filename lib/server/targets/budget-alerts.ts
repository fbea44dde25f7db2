import 'server-only';
import { systemActor } from '@/lib/auth/actor';
import { periodContaining } from '@/lib/emissions/calendar-periods';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { crossedThresholds } from '@/lib/targets/budget-thresholds';
import { basisKgCo2e } from '@/lib/targets/target-metric';
import { recordAuditEvent } from '../audit/audit-events';
import { deliverAlertWebhook } from './alert-webhook';
import { findBudgets } from './budgets';
import { getOrgTimeZone, sumEmissionsInWindows } from './target-sums';

export interface TBudgetAlertDto {
  id: string;
  budgetId: string;
  teamName: string;
  basis: string;
  periodKind: string;
  thresholdPct: number;
  periodKey: string;
  actualKgCo2e: number;
  budgetKgCo2e: number;
  createdAt: Date;
}

/**
 * Checks every budget of the organisation against its current period (quarter or year containing `now`) and
 * stores an alert for each threshold (80 %, 100 %) newly reached: at most once per budget, threshold and period
 * (unique key), so alerts never repeat. New alerts are audited and sent to the webhook when one is enabled.
 * Only the one post-commit mechanism calls it (evaluatePendingBudgetAlerts, lib/server/targets/pending-budget-alerts.ts;
 * tests/repo/budget-alert-callers.test.ts), never a writer and never a read path (pages only read alerts,
 * findActiveBudgetAlerts). Returns the new alerts; throws when evaluation failed (the mechanism logs it and
 * leaves the organisation pending).
 */
export async function evaluateBudgetAlerts(ctx: { orgId: string }, now: Date): Promise<TBudgetAlertDto[]> {
  const budgets = await findBudgets(ctx);
  if (budgets.length === 0) {
    return [];
  }
  const timeZone = await getOrgTimeZone(ctx);
  const prisma = getPrisma();
  const created: TBudgetAlertDto[] = [];
  for (const budget of budgets) {
    const period = periodContaining(now, budget.periodKind, timeZone);
    const sums = (await sumEmissionsInWindows(ctx, [period], budget.teamId)).get(period.key);
    if (!sums) {
      continue;
    }
    const actualKgCo2e = basisKgCo2e(sums, budget.basis);
    for (const thresholdPct of crossedThresholds(actualKgCo2e, budget.amountKgCo2e)) {
      const inserted = await queryRows<{ id: string; created_at: Date }>(
        prisma,
        sql`
        INSERT INTO budget_alert (org_id, budget_id, threshold_pct, period_key, actual_kg_co2e, budget_kg_co2e,
                                  record_count)
        VALUES (${ctx.orgId}::uuid, ${budget.id}::uuid, ${thresholdPct}, ${period.key}, ${actualKgCo2e},
                ${budget.amountKgCo2e}, ${sums.records})
        ON CONFLICT (org_id, budget_id, threshold_pct, period_key) DO NOTHING
        RETURNING id, created_at`,
      );
      const row = inserted[0];
      if (!row) {
        continue;
      }
      const alert: TBudgetAlertDto = {
        id: row.id,
        budgetId: budget.id,
        teamName: budget.teamName,
        basis: budget.basis,
        periodKind: budget.periodKind,
        thresholdPct,
        periodKey: period.key,
        actualKgCo2e,
        budgetKgCo2e: budget.amountKgCo2e,
        createdAt: row.created_at,
      };
      created.push(alert);
      await recordAuditEvent(
        prisma,
        { orgId: ctx.orgId, actor: systemActor('budget threshold reached') },
        {
          action: 'budget.alert',
          targetType: 'budget_alert',
          targetId: row.id,
          metadata: { budgetId: budget.id, thresholdPct, periodKey: period.key, actualKgCo2e },
        },
      );
      await deliverAlertWebhook(
        ctx,
        row.id,
        {
          event: 'budget.threshold_reached',
          alertId: row.id,
          createdAt: row.created_at.toISOString(),
          organizationId: ctx.orgId,
          budget: {
            id: budget.id,
            teamId: budget.teamId,
            teamName: budget.teamName,
            periodKind: budget.periodKind,
            basis: budget.basis,
            amountKgCo2e: budget.amountKgCo2e,
          },
          period: { key: period.key, start: period.start.toISOString(), end: period.end.toISOString() },
          thresholdPct,
          actualKgCo2e,
          usedPct: (actualKgCo2e / budget.amountKgCo2e) * 100,
          recordCount: sums.records,
        },
        now,
      );
    }
  }
  return created;
}

/**
 * Alerts of the budgets' current periods this user has not dismissed, the highest threshold per budget only
 * (100 % supersedes 80 %). Every member of the organisation sees them: all roles read every team's data.
 */
export async function findActiveBudgetAlerts(
  ctx: { orgId: string; userId: string },
  now: Date,
): Promise<TBudgetAlertDto[]> {
  const timeZone = await getOrgTimeZone(ctx);
  const currentKeys = [
    periodContaining(now, 'quarter', timeZone).key,
    periodContaining(now, 'year', timeZone).key,
  ];
  const rows = await getPrisma().budgetAlert.findMany({
    where: { orgId: ctx.orgId, periodKey: { in: currentKeys } },
    orderBy: [{ thresholdPct: 'desc' }, { createdAt: 'desc' }],
    include: {
      budget: { select: { basis: true, periodKind: true, team: { select: { name: true } } } },
      dismissals: { where: { userId: ctx.userId }, select: { id: true } },
    },
  });
  const seen = new Set<string>();
  const out: TBudgetAlertDto[] = [];
  for (const r of rows) {
    const key = `${r.budgetId}|${r.periodKey}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    if (r.dismissals.length > 0) {
      continue;
    }
    out.push({
      id: r.id,
      budgetId: r.budgetId,
      teamName: r.budget.team.name,
      basis: r.budget.basis,
      periodKind: r.budget.periodKind,
      thresholdPct: r.thresholdPct,
      periodKey: r.periodKey,
      actualKgCo2e: r.actualKgCo2e,
      budgetKgCo2e: r.budgetKgCo2e,
      createdAt: r.createdAt,
    });
  }
  return out;
}

/** Hides one alert's banner for this user (idempotent). */
export async function dismissBudgetAlert(
  ctx: { orgId: string; userId: string },
  alertId: string,
): Promise<void> {
  const prisma = getPrisma();
  const alert = await prisma.budgetAlert.findFirst({
    where: { id: alertId, orgId: ctx.orgId },
    select: { id: true },
  });
  if (!alert) {
    return;
  }
  await prisma.budgetAlertDismissal.upsert({
    where: { alertId_userId: { alertId, userId: ctx.userId } },
    create: { orgId: ctx.orgId, alertId, userId: ctx.userId },
    update: {},
  });
}
