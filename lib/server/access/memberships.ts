import 'server-only';
import type { Role } from '@/lib/generated/prisma/enums';
import { getPrisma } from '@/lib/server/db/prisma';

export interface TMembershipDto {
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
}

/** The organisations a user belongs to, oldest membership first. */
export async function findMembershipsForUser(userId: string): Promise<TMembershipDto[]> {
  const rows = await getPrisma().membership.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { role: true, org: { select: { id: true, slug: true, name: true } } },
  });
  return rows.map((r) => ({ orgId: r.org.id, orgSlug: r.org.slug, orgName: r.org.name, role: r.role }));
}
