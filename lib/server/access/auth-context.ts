import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { crossSiteRefusal } from '@/lib/security/csrf';
import { RETURN_PATH_HEADER } from '@/lib/security/return-path-header';
import { signInPathFor } from '@/lib/security/safe-return-path';
import { fromSignedValue } from '@/lib/security/signed-value';
import { resolveBearerToken, type TBearerResolution } from '@/lib/server/access/api-tokens';
import { getAuthServer } from '@/lib/server/access/auth-server';
import { findMembershipsForUser, type TMembershipDto } from '@/lib/server/access/memberships';
import { enforceApiRateLimit } from '@/lib/server/http/rate-limit';
import { evaluateBudgetAlertsAfterResponse } from '@/lib/server/targets/pending-budget-alerts';
import type { TUserActor } from '../../auth/actor';
import { hasPermission, type TPermission } from '../../auth/roles';
import { requiredScope, tokenScopesAllow } from '../../auth/token-scopes';

/** Who is calling, and in which organisation. Every lib/server call takes it and scopes by orgId. */
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
  /** Who acts: the session's user, or the bearer token and its user (recorded in every audit event). */
  actor: TUserActor;
  /** Bearer requests only: what the token may do on top of the role (lib/auth/token-scopes.ts). */
  tokenScopes?: string[];
  /** The organisation's time zone when it was read with the credentials (bearer tokens); else absent. */
  orgTimeZone?: string;
  /** org_data_version.version read with the credentials (bearer tokens), else absent (lib/server/http/org-response-cache.ts). */
  orgDataVersion?: string;
}

/** HMAC-signed organisation id (lib/security/signed-value.ts), re-checked against the memberships on every request. */
export const ACTIVE_ORG_COOKIE = 'aif_org';

function bearerRefusal(resolution: Exclude<TBearerResolution, { ok: true }>): string {
  switch (resolution.reason) {
    case 'expired':
      return `The bearer token expired at ${resolution.expiredAt.toISOString()}; create a new one in /settings/tokens.`;
    case 'revoked':
      return 'The bearer token was revoked; create a new one in /settings/tokens.';
    case 'not_member':
      return "The bearer token's user is no longer a member of its organisation.";
    default:
      return 'The bearer token is invalid.';
  }
}

async function getSessionContext(): Promise<TAuthContext | null> {
  // Read the request first: it marks the route dynamic before any environment or database access.
  const requestHeaders = await headers();
  const session = await getAuthServer().api.getSession({ headers: requestHeaders });
  if (!session) {
    return null;
  }
  const memberships = await findMembershipsForUser(session.user.id);
  const wanted = fromSignedValue(
    (await cookies()).get(ACTIVE_ORG_COOKIE)?.value,
    getEnv().BETTER_AUTH_SECRET,
  );
  const active = memberships.find((m) => m.orgId === wanted) ?? memberships[0];
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
    actor: { kind: 'user', userId: session.user.id },
  };
}

/**
 * One session look-up per page render: the dashboard layout and its page both ask (React's per-request memo; it
 * halves the database round trips of a page view: session, user and memberships are read once).
 */
const getPageSessionContext = cache(getSessionContext);

/** For pages and layouts: the context, or a redirect to sign-in. Forbidden roles get a 403 error page. */
export async function requirePageAuth(permission: TPermission = 'read'): Promise<TAuthContext> {
  const ctx = await getPageSessionContext();
  if (!ctx) {
    // An expired session: back to this page after signing in (the proxy passes its path; same-origin only).
    redirect(signInPathFor((await headers()).get(RETURN_PATH_HEADER) ?? '/'));
  }
  if (!hasPermission(ctx.role, permission)) {
    throw new AppError('FORBIDDEN', `Your role (${ctx.role}) does not allow this.`);
  }
  return ctx;
}

/**
 * Origins a server action may come from: the app's public origin and the host the request was addressed to
 * (`X-Forwarded-Host`, else `Host`, as Next.js compares them).
 */
function actionOrigins(requestHeaders: Headers): string[] {
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host');
  const addressed = host ? [`http://${host}`, `https://${host}`] : [];
  return [new URL(getEnv().BETTER_AUTH_URL).origin, ...addressed];
}

/**
 * For every server action, public ones included (sign-in, invitation acceptance, sign-out): a cross-site POST is
 * refused (AppError FORBIDDEN). Public actions have no session to abuse yet, but a forged sign-in would sign the
 * victim into the attacker's account (login CSRF).
 */
export async function requireActionOrigin(): Promise<void> {
  const requestHeaders = await headers();
  const refusal = crossSiteRefusal('POST', requestHeaders, actionOrigins(requestHeaders));
  if (refusal) {
    throw new AppError('FORBIDDEN', refusal);
  }
}

/**
 * For server actions: the context, or an AppError (actions re-check authorisation themselves). Actions are POSTs
 * authenticated by the session cookie, so they get the same CSRF check as route handlers: Next.js compares
 * `Origin` with the host only when `Origin` is present, so a request without it is refused here (docs/SECURITY.md).
 */
export async function requireActionAuth(permission: TPermission): Promise<TAuthContext> {
  const ctx = await getSessionContext();
  if (!ctx) {
    throw new AppError('UNAUTHENTICATED', 'Your session has ended; sign in again.');
  }
  await requireActionOrigin();
  if (!hasPermission(ctx.role, permission)) {
    throw new AppError('FORBIDDEN', `Your role (${ctx.role}) does not allow this.`);
  }
  // Actions are writes: budget alerts are evaluated once the response is sent, i.e. after the write committed.
  evaluateBudgetAlertsAfterResponse(ctx);
  return ctx;
}

/** The app's public origin (BETTER_AUTH_URL) and the origin the request was addressed to. */
function trustedOrigins(request: Request): string[] {
  return [new URL(getEnv().BETTER_AUTH_URL).origin, new URL(request.url).origin];
}

/** For route handlers: a bearer token (machines) or the session cookie (browser, same-origin for writes). */
export async function requireRequestAuth(request: Request, permission: TPermission): Promise<TAuthContext> {
  const authorization = request.headers.get('authorization');
  let ctx: TAuthContext | null;
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const resolution: TBearerResolution = token
      ? await resolveBearerToken(token, new Date())
      : { ok: false, reason: 'unknown' };
    if (!resolution.ok) {
      throw new AppError('UNAUTHENTICATED', bearerRefusal(resolution));
    }
    const identity = resolution.identity;
    const memberships = identity.memberships;
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
          actor: { kind: 'token', userId: identity.userId, tokenId: identity.tokenId },
          tokenScopes: identity.scopes,
          orgTimeZone: identity.orgTimeZone,
          orgDataVersion: identity.orgDataVersion,
        }
      : null;
  } else {
    ctx = await getSessionContext();
    // The session cookie is an ambient credential: a state-changing call must come from our own pages (CSRF).
    const refusal = ctx ? crossSiteRefusal(request.method, request.headers, trustedOrigins(request)) : null;
    if (refusal) {
      throw new AppError('FORBIDDEN', refusal);
    }
  }
  if (!ctx) {
    throw new AppError('UNAUTHENTICATED', 'Sign in, or send `Authorization: Bearer <token>`.');
  }
  await enforceApiRateLimit({
    orgId: ctx.orgId,
    userId: ctx.userId,
    ...(ctx.actor.kind === 'token' ? { tokenId: ctx.actor.tokenId } : {}),
  });
  if (!hasPermission(ctx.role, permission)) {
    throw new AppError('FORBIDDEN', `Your role (${ctx.role}) does not allow this.`);
  }
  if (ctx.via === 'token' && !tokenScopesAllow(ctx.tokenScopes ?? [], permission)) {
    const scope = requiredScope(permission);
    throw new AppError(
      'FORBIDDEN',
      scope
        ? `This token lacks the "${scope}" scope; create a token with it in /settings/tokens.`
        : 'This needs a signed-in browser session; API tokens cannot do it.',
    );
  }
  // A state-changing request: budget alerts are evaluated once the response is sent, after the write committed;
  // never for reads (GET/HEAD), so page views and API reads never evaluate alerts.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    evaluateBudgetAlertsAfterResponse(ctx);
  }
  return ctx;
}
