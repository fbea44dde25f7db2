import { randomUUID } from 'node:crypto';
import { userActor } from '@/lib/auth/actor';
import type { Role } from '@/lib/generated/prisma/enums';
import { getPrisma } from '@/lib/server/db/prisma';

/** Creates an organisation with one member of `role`; returns ids and the member's context (TOrgContext). */
export async function createOrgWithMember(role: Role = 'owner') {
  const prisma = getPrisma();
  const suffix = randomUUID().slice(0, 8);
  const org = await prisma.organization.create({ data: { name: `Org ${suffix}`, slug: `org-${suffix}` } });
  const user = await prisma.user.create({
    data: { id: `user-${suffix}`, email: `user-${suffix}@example.test`, name: `User ${suffix}` },
  });
  await prisma.membership.create({ data: { orgId: org.id, userId: user.id, role } });
  return {
    orgId: org.id,
    orgSlug: org.slug,
    userId: user.id,
    email: user.email,
    role,
    actor: userActor(user.id),
  };
}
