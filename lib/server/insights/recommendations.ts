import 'server-only';
import { resolveDateRange } from '@/lib/dashboard/date-range';
import type { TRecommendation } from '@/lib/insights/recommendation-types';
import { buildRecommendations } from '@/lib/insights/recommendations';
import type { TInsightInputs } from '@/lib/insights/types';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { requestNow } from '../http/request-clock';
import { getOrgTimeZone } from '../rollups/rollup-plan';
import { findAiUsageSelections, repositoryModels, siteOfModel } from './find-ai-usage-selections';
import { findScopedRecords, getDataSpan, getInsightInputs } from './insight-inputs';

export interface TRecommendationList {
  /** The 12 months the estimates are based on, [from, to): the overview's default window (12 complete months). */
  window: { from: Date; to: Date } | null;
  totalRecords: number;
  recommendations: TRecommendation[];
}

// Building the list reruns the engine for every candidate (seconds on the demo org), and the plan action needs the
// same list right after the page computed it: cache per organisation while its records, factor library object
// (itself cached by fingerprint) and settings/contracts are unchanged.
const cache = new Map<
  string,
  { key: string; library: TInsightInputs['library']; list: TRecommendationList }
>();

// The organisation's data version: bumped in the writer's transaction by every statement that writes its records
// (and its teams, projects, budgets, settings), so a changed version is the only sign needed. (It was count and
// max(updated_at) of the records; usage_record has no updated_at since issue #20.)
async function recordsFingerprint(orgId: string): Promise<string> {
  const [row] = await queryRows<{ fp: string }>(
    getPrisma(),
    sql`
    SELECT COALESCE((SELECT version::text FROM org_data_version WHERE org_id = ${orgId}::uuid), '0') AS fp`,
  );
  return row?.fp ?? '';
}

/**
 * Ranked recommendations from the records of the overview's default window, the last 12 complete months (annual
 * figures by construction), so "% of total" is a share of the total the overview shows (issue #23).
 */
export async function findRecommendations(
  ctx: { orgId: string },
  now: Date = requestNow(),
): Promise<TRecommendationList> {
  const span = await getDataSpan(ctx);
  if (!span) {
    return { window: null, totalRecords: 0, recommendations: [] };
  }
  const { inputs } = await getInsightInputs(ctx);
  const { from, to } = resolveDateRange({ range: 'last_12_months' }, now, span, await getOrgTimeZone(ctx));
  const window = { from, to };
  const key = JSON.stringify([
    await recordsFingerprint(ctx.orgId),
    inputs.settings,
    inputs.contracts,
    window.from.toISOString(),
  ]);
  const hit = cache.get(ctx.orgId);
  if (hit && hit.key === key && hit.library === inputs.library) {
    return hit.list;
  }
  const inWindow = { startedAt: { gte: window.from, lt: window.to } };
  const records = await findScopedRecords(ctx, inWindow);
  // Right-sizing of AI-service models (issue #21) reads the token split and service from usage_record.
  const selections = await findAiUsageSelections(ctx, inWindow);
  const list = {
    window,
    totalRecords: records.length,
    recommendations: buildRecommendations(records, inputs, {
      selections,
      models: repositoryModels(),
      siteOf: (model) => siteOfModel(model),
    }),
  };
  cache.set(ctx.orgId, { key, library: inputs.library, list });
  return list;
}
