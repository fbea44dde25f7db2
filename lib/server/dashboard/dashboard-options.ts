import 'server-only';
import { aiServiceLabel } from '@/lib/format/labels';
import { placeLabel } from '@/lib/format/place-label';
import { getPrisma } from '@/lib/server/db/prisma';
import { queryRows, sql } from '@/lib/server/db/sql';
import { aiServiceNames } from '../usage/ai-service-options';

export interface TFilterOption {
  value: string;
  label: string;
}

export interface TFilterOptions {
  team: TFilterOption[];
  project: TFilterOption[];
  model: TFilterOption[];
  region: TFilterOption[];
  provider: TFilterOption[];
  /** Third-party AI services named by the records, labelled with the service's name. */
  aiService: TFilterOption[];
}

/**
 * Values offered by the filter bar: the organisation's teams, projects and the distinct record values. The
 * distinct values come from the monthly rollups (every record contributes to at least one daily rollup row, every
 * daily row to one monthly row, and rows nothing contributes to are deleted at both levels): ~1/30 of the
 * daily rows, thousands instead of millions of records.
 */
export async function findFilterOptions(ctx: { orgId: string }): Promise<TFilterOptions> {
  // One statement (one round trip) for the six lists; teams and projects by name, the others by value.
  const rows = await queryRows<{ kind: keyof TFilterOptions; value: string; label: string | null }>(
    getPrisma(),
    sql`
    SELECT kind, value, label FROM (
      SELECT 'team' AS kind, slug AS value, name AS label FROM team WHERE org_id = ${ctx.orgId}::uuid
      UNION ALL SELECT 'project', slug, name FROM project WHERE org_id = ${ctx.orgId}::uuid
      UNION ALL SELECT DISTINCT 'model', model, model FROM usage_rollup_monthly WHERE org_id = ${ctx.orgId}::uuid AND model IS NOT NULL
      -- The region's provider when it has one only (the label names it, as the overview's region bars do).
      UNION ALL SELECT 'region', region, CASE WHEN MIN(provider::text) = MAX(provider::text) THEN MIN(provider::text) END
        FROM usage_rollup_monthly WHERE org_id = ${ctx.orgId}::uuid AND region IS NOT NULL GROUP BY region
      UNION ALL SELECT DISTINCT 'provider', provider::text, provider::text FROM usage_rollup_monthly WHERE org_id = ${ctx.orgId}::uuid AND provider IS NOT NULL
      UNION ALL SELECT DISTINCT 'aiService', ai_service, ai_service FROM usage_rollup_monthly WHERE org_id = ${ctx.orgId}::uuid AND ai_service IS NOT NULL
    ) x ORDER BY kind, label, value`,
  );
  const names = aiServiceNames();
  const of = (kind: keyof TFilterOptions) =>
    rows.filter((r) => r.kind === kind).map((r) => ({ value: r.value, label: r.label ?? r.value }));
  return {
    team: of('team'),
    project: of('project'),
    model: of('model'),
    // A region row's label column is its provider (or null when several providers use the code).
    region: rows
      .filter((r) => r.kind === 'region')
      .map((r) => ({ value: r.value, label: placeLabel({ provider: r.label, region: r.value }) }))
      .sort((a, b) => a.label.localeCompare(b.label) || a.value.localeCompare(b.value)),
    provider: of('provider'),
    aiService: of('aiService')
      .map((o) => ({ value: o.value, label: aiServiceLabel(o.value, names) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}
