import 'server-only';
import { randomBytes } from 'node:crypto';
import { userActor } from '@/lib/auth/actor';
import { getPrisma } from '@/lib/server/db/prisma';
import { recordAuditEvent } from '../audit/audit-events';

/** A URL-safe slug from the name plus 6 random hex characters (names need not be unique; slugs must). */
function slugFor(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'org'}-${randomBytes(3).toString('hex')}`;
}

/** Creates an organisation whose creator becomes its owner; audited in the new organisation. */
export async function createOrganization(
  user: { userId: string },
  name: string,
): Promise<{ orgId: string; orgSlug: string }> {
  return getPrisma().$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: { name, slug: slugFor(name) },
      select: { id: true, slug: true },
    });
    await tx.membership.create({ data: { orgId: org.id, userId: user.userId, role: 'owner' } });
    await recordAuditEvent(
      tx,
      { orgId: org.id, actor: userActor(user.userId) },
      {
        action: 'organization.created',
        targetType: 'organization',
        targetId: org.id,
        metadata: { name },
      },
    );
    return { orgId: org.id, orgSlug: org.slug };
  });
}
