import 'server-only';
import { hasPermission } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { getPrisma } from '@/lib/server/db/prisma';
import { createApiToken, type TApiTokenOptions, type TCreatedApiToken } from './api-tokens';

/** Creates a token from the CLI for a member identified by organisation slug and email (role checked). */
export async function createApiTokenForMember(input: {
  orgSlug: string;
  email: string;
  name: string;
  options?: TApiTokenOptions;
}): Promise<TCreatedApiToken> {
  const membership = await getPrisma().membership.findFirst({
    where: { org: { slug: input.orgSlug }, user: { email: input.email.toLowerCase() } },
    select: { orgId: true, userId: true, role: true },
  });
  if (!membership) {
    throw new AppError('NOT_FOUND', `No member ${input.email} in organisation "${input.orgSlug}".`);
  }
  if (!hasPermission(membership.role, 'manageTokens')) {
    throw new AppError(
      'FORBIDDEN',
      `${input.email} is ${membership.role} in "${input.orgSlug}" and cannot create tokens.`,
    );
  }
  return createApiToken({ orgId: membership.orgId, userId: membership.userId }, input.name, input.options);
}
