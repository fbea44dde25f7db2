import 'server-only';
import { realisedSavings, type TRealisedSavings } from '@/lib/insights/realised-savings';
import type { TPhase } from '@/lib/schemas/usage-record';
import { getPrisma } from '@/lib/server/db/prisma';
import { getDataSpan } from './insight-inputs';
import type { TPlanDto } from './recommendation-plans';

/**
 * Realised savings of a done plan: the stored results of its scope (project + phases; the place is left out because
 * the change may have moved it) around the completion date. Null when the plan is not done.
 */
export async function getRealisedSavings(
  ctx: { orgId: string },
  plan: Pick<TPlanDto, 'status' | 'completedAt' | 'scope'>,
): Promise<TRealisedSavings | null> {
  if (plan.status !== 'done' || !plan.completedAt) {
    return null;
  }
  const span = await getDataSpan(ctx);
  if (!span) {
    return null;
  }
  const phases = plan.scope.phases as TPhase[];
  const rows = await getPrisma().usageRecord.findMany({
    where: {
      orgId: ctx.orgId,
      ...(phases.length > 0 ? { phase: { in: phases } } : {}),
      ...(plan.scope.projectSlug
        ? { project: { orgId: ctx.orgId, slug: plan.scope.projectSlug } }
        : { projectId: null }),
    },
    select: { startedAt: true, locationKgCo2e: true, marketKgCo2e: true, deviceHours: true, requests: true },
  });
  return realisedSavings(rows, plan.completedAt, span.from, span.to);
}
