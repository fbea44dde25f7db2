import 'server-only';
import { after } from 'next/server';
import { getPrisma } from '@/lib/server/db/prisma';
import { executeSql, queryRows, sql } from '@/lib/server/db/sql';
import { evaluateBudgetAlerts, type TBudgetAlertDto } from './budget-alerts';

/**
 * The one mechanism that evaluates budget alerts (issue #18, docs/decisions/targets.md "Alerts after commit"):
 * every writer bumps org_data_version in its own transaction (triggers on usage_record, team, project,
 * carbon_budget, organization); this evaluates the organisation only when its version moved past the one recorded in
 * budget_alert_evaluation at its last evaluation, then records the version it read. The version is read
 * BEFORE evaluating, so a write committed meanwhile leaves the organisation pending for the next run. Alerts are
 * unique per budget, threshold and period, so two runs racing on one organisation never alert twice.
 * Callers: the auth layer after each state-changing request (evaluateBudgetAlertsAfterResponse below), and the
 * CLI and demo seed, which have no request. Returns the new alerts ([] when nothing moved). Never throws: when
 * evaluation failed the organisation stays pending (logged) and the next write or run retries it.
 */
export async function evaluatePendingBudgetAlerts(
  ctx: { orgId: string },
  now: Date,
): Promise<TBudgetAlertDto[]> {
  try {
    const prisma = getPrisma();
    const pending = await queryRows<{ version: bigint }>(
      prisma,
      sql`
      SELECT v.version
        FROM org_data_version v
        LEFT JOIN budget_alert_evaluation e ON e.org_id = v.org_id
       WHERE v.org_id = ${ctx.orgId}::uuid AND v.version > COALESCE(e.evaluated_version, 0)`,
    );
    const version = pending[0]?.version;
    if (version === undefined) {
      return [];
    }
    const created = await evaluateBudgetAlerts(ctx, now);
    await executeSql(
      prisma,
      sql`
      INSERT INTO budget_alert_evaluation AS e (org_id, evaluated_version, evaluated_at)
      VALUES (${ctx.orgId}::uuid, ${version}, ${now})
      ON CONFLICT (org_id) DO UPDATE
        SET evaluated_version = GREATEST(e.evaluated_version, EXCLUDED.evaluated_version),
            evaluated_at = EXCLUDED.evaluated_at`,
    );
    return created;
  } catch (error) {
    console.error('Budget alert evaluation failed; the organisation stays pending', ctx.orgId, error);
    return [];
  }
}

/**
 * Registers the evaluation of this organisation's pending alerts to run after the response is sent (Next.js
 * `after`), hence after the writer's transaction committed. Called by the auth layer for every state-changing
 * request and server action (lib/server/access/auth-context.ts), never for page views or GETs. Outside a request (scripts,
 * tests calling handlers directly) `after` is unavailable: nothing is scheduled, and those callers run
 * evaluatePendingBudgetAlerts themselves.
 */
export function evaluateBudgetAlertsAfterResponse(ctx: { orgId: string }): void {
  try {
    after(() => evaluatePendingBudgetAlerts(ctx, new Date()));
  } catch (error) {
    // Outside a request scope (see above) the caller evaluates explicitly; anything else is unexpected: logged, and
    // the organisation stays pending for the next write.
    if (!(error instanceof Error && error.message.includes('outside a request scope'))) {
      console.error('Could not schedule budget alert evaluation', ctx.orgId, error);
    }
  }
}
