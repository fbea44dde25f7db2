import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { enforceApiRateLimit } from '@/lib/api/rate-limit';
import { getBearerIdentity } from '@/lib/data/api-tokens';
import { getAuthServer } from '@/lib/data/auth-server';
import { findMembershipsForUser, type TMembershipDto } from '@/lib/data/memberships';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { hasPermission, type TPermission } from './roles';

/** Who is calling, and in which organisation. Every lib/data call takes it and scopes by orgId. */
export interface TAuthContext {
  userId: string;
  userEmail: string;
  userName: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  role: Role;
  memberships: TMembershipDto[];
  via: 'session' | 'token';
  tokenId?: string;
}

export const ACTIVE_ORG_COOKIE = 'aif_org';

async function getSessionContext(): Promise<TAuthContext | null> {
  // Read the request first: it marks the route dynamic before any environment or database access.
  const requestHeaders = await headers();
  const session = await getAuthServer().api.getSession({ headers: requestHeaders });
  if (!session) {
    return null;
  }
  const memberships = await findMembershipsForUser(session.user.id);
  const wanted = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  const active = memberships.find((m) => m.orgSlug === wanted) ?? memberships[0];
  if (!active) {
    return null;
  }
  return {
    userId: session.user.id,
    userEmail: session.user.email,
    userName: session.user.name,
    orgId: active.orgId,
    orgSlug: active.orgSlug,
    orgName: active.orgName,
    role: active.role,
    memberships,
    via: 'session',
  };
}

/** For pages and layouts: the context, or a redirect to sign-in. Forbidden roles get a 403 error page. */
export async function requirePageAuth(permission: TPermission = 'read'): Promise<TAuthContext> {
  const ctx = await getSessionContext();
  if (!ctx) {
    redirect('/sign-in');
  }
  if (!hasPermission(ctx.role, permission)) {
    throw new AppError('FORBIDDEN', `Your role (${ctx.role}) does not allow this.`);
  }
  return ctx;
}

/** For server actions: the context, or an AppError (actions re-check authorisation themselves). */
export async function requireActionAuth(permission: TPermission): Promise<TAuthContext> {
  const ctx = await getSessionContext();
  if (!ctx) {
    throw new AppError('UNAUTHENTICATED', 'Your session has ended; sign in again.');
  }
  if (!hasPermission(ctx.role, permission)) {
    throw new AppError('FORBIDDEN', `Your role (${ctx.role}) does not allow this.`);
  }
  return ctx;
}

/** For route handlers: a bearer token (machines) or the session cookie (browser). */
export async function requireRequestAuth(request: Request, permission: TPermission): Promise<TAuthContext> {
  const authorization = request.headers.get('authorization');
  let ctx: TAuthContext | null;
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const identity = token ? await getBearerIdentity(token, new Date()) : null;
    if (!identity) {
      throw new AppError('UNAUTHENTICATED', 'The bearer token is invalid, revoked or expired.');
    }
    const memberships = await findMembershipsForUser(identity.userId);
    const membership = memberships.find((m) => m.orgId === identity.orgId);
    ctx = membership
      ? {
          userId: identity.userId,
          userEmail: '',
          userName: '',
          orgId: identity.orgId,
          orgSlug: identity.orgSlug,
          orgName: membership.orgName,
          role: identity.role,
          memberships,
          via: 'token',
          tokenId: identity.tokenId,
        }
      : null;
  } else {
    ctx = await getSessionContext();
  }
  if (!ctx) {
    throw new AppError('UNAUTHENTICATED', 'Sign in, or send `Authorization: Bearer <token>`.');
  }
  await enforceApiRateLimit(ctx);
  if (!hasPermission(ctx.role, permission)) {
    throw new AppError('FORBIDDEN', `Your role (${ctx.role}) does not allow this.`);
  }
  return ctx;
}
