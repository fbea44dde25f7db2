import 'server-only';
import { cookies } from 'next/headers';
import { getEnv } from '@/lib/env';
import { toSignedValue } from '@/lib/security/signed-value';
import { ACTIVE_ORG_COOKIE } from './auth-context';

/**
 * Remembers the active organisation in an http-only, HMAC-signed cookie. lib/server/access/auth-context.ts re-checks it against
 * the user's memberships on every request, so a stale or foreign id silently falls back to the first membership.
 */
export async function setActiveOrganization(orgId: string): Promise<void> {
  const env = getEnv();
  (await cookies()).set(ACTIVE_ORG_COOKIE, toSignedValue(orgId, env.BETTER_AUTH_SECRET), {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.NODE_ENV === 'production' && env.BETTER_AUTH_URL.startsWith('https:'),
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
  });
}
