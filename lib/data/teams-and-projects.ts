import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TUsageRecordInput } from '@/lib/schemas/usage-record';

/** "Applied ML" → "applied-ml": the slug under which free-text team and project names are matched. */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'unnamed'
  );
}

/**
 * Maps the team and project texts on records to ids in the organisation, matching by slug (so "Applied ML" and
 * "applied-ml" are one team) and creating the missing ones.
 */
export async function resolveTeamsAndProjects(
  tx: Prisma.TransactionClient,
  orgId: string,
  records: TUsageRecordInput[],
): Promise<{ teamIds: Map<string, string>; projectIds: Map<string, string> }> {
  const teamNames = new Set(records.flatMap((r) => (r.team ? [r.team] : [])));
  const projectNames = new Set(records.flatMap((r) => (r.project ? [r.project] : [])));
  const teamSlugs = new Map([...teamNames].map((n) => [n, slugify(n)]));
  const projectSlugs = new Map([...projectNames].map((n) => [n, slugify(n)]));
  if (teamSlugs.size) {
    await tx.team.createMany({
      data: [...new Map([...teamSlugs].map(([name, slug]) => [slug, name]))].map(([slug, name]) => ({
        orgId,
        slug,
        name,
      })),
      skipDuplicates: true,
    });
  }
  if (projectSlugs.size) {
    await tx.project.createMany({
      data: [...new Map([...projectSlugs].map(([name, slug]) => [slug, name]))].map(([slug, name]) => ({
        orgId,
        slug,
        name,
      })),
      skipDuplicates: true,
    });
  }
  const teams = await tx.team.findMany({
    where: { orgId, slug: { in: [...teamSlugs.values()] } },
    select: { id: true, slug: true },
  });
  const projects = await tx.project.findMany({
    where: { orgId, slug: { in: [...projectSlugs.values()] } },
    select: { id: true, slug: true },
  });
  const teamBySlug = new Map(teams.map((t) => [t.slug, t.id]));
  const projectBySlug = new Map(projects.map((p) => [p.slug, p.id]));
  const teamIds = new Map<string, string>();
  for (const [name, slug] of teamSlugs) {
    const id = teamBySlug.get(slug);
    if (id) {
      teamIds.set(name, id);
    }
  }
  const projectIds = new Map<string, string>();
  for (const [name, slug] of projectSlugs) {
    const id = projectBySlug.get(slug);
    if (id) {
      projectIds.set(name, id);
    }
  }
  return { teamIds, projectIds };
}
