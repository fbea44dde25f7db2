import 'server-only';
import { getPrisma } from '@/lib/db';

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
}

/**
 * Values offered by the filter bar: the organisation's teams, projects and the distinct record values. The
 * distinct values come from the monthly rollups (every record contributes to at least one daily rollup row, every
 * daily row to one monthly row, and rows nothing contributes to are deleted at both levels): ~1/30 of the
 * daily rows, thousands instead of millions of records.
 */
export async function findFilterOptions(ctx: { orgId: string }): Promise<TFilterOptions> {
  const prisma = getPrisma();
  const [teams, projects, distinct] = await Promise.all([
    prisma.team.findMany({
      where: { orgId: ctx.orgId },
      select: { slug: true, name: true },
      orderBy: { name: 'asc' },
    }),
    prisma.project.findMany({
      where: { orgId: ctx.orgId },
      select: { slug: true, name: true },
      orderBy: { name: 'asc' },
    }),
    prisma.$queryRaw<{ kind: string; value: string }[]>`
      SELECT DISTINCT 'model' AS kind, model AS value FROM usage_rollup_monthly WHERE org_id = ${ctx.orgId}::uuid AND model IS NOT NULL
      UNION SELECT DISTINCT 'region', region FROM usage_rollup_monthly WHERE org_id = ${ctx.orgId}::uuid AND region IS NOT NULL
      UNION SELECT DISTINCT 'provider', provider::text FROM usage_rollup_monthly WHERE org_id = ${ctx.orgId}::uuid AND provider IS NOT NULL
      ORDER BY 1, 2`,
  ]);
  const of = (kind: string) =>
    distinct.filter((d) => d.kind === kind).map((d) => ({ value: d.value, label: d.value }));
  return {
    team: teams.map((t) => ({ value: t.slug, label: t.name })),
    project: projects.map((p) => ({ value: p.slug, label: p.name })),
    model: of('model'),
    region: of('region'),
    provider: of('provider'),
  };
}
