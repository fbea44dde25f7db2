import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { getEnv } from '@/lib/env';
import { MIN_PASSWORD_LENGTH, passwordPolicyRefusal } from '@/lib/security/password-policy';
import { ipLockoutMessage, lockoutMessage } from '@/lib/security/sign-in-lockout';
import { getPrisma } from '@/lib/server/db/prisma';
import { requestClientIp } from '@/lib/server/http/request-client-ip';
import { completeSignInAttempt, reserveSignInAttempt } from './sign-in-attempts';

const SIGN_IN_PATH = '/sign-in/email';
// Carries the reserved attempt's id from the before hook to the after hook of the same call (Better Auth merges it
// into its own copy of the request headers). Always overwritten by the before hook, so a client cannot choose it.
const ATTEMPT_HEADER = 'x-aif-sign-in-attempt';

type THookContext = { path?: string; body?: unknown; headers?: Headers; request?: Request };

function attemptOf(ctx: THookContext) {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  const headers = ctx.headers ?? ctx.request?.headers ?? new Headers();
  return {
    email: typeof email === 'string' ? email : '',
    ipAddress: requestClientIp(headers),
    userAgent: headers.get('user-agent'),
  };
}

/** Better Auth endpoints that set a password, and the body field carrying it. */
const PASSWORD_SETTING_PATHS: Record<string, 'password' | 'newPassword'> = {
  '/sign-up/email': 'password',
  '/change-password': 'newPassword',
  '/reset-password': 'newPassword',
};

// The password policy (lib/security/password-policy.ts) on every Better Auth endpoint that sets a password, before
// Better Auth hashes it: the account's email comes from the body (sign-up) or the session (change-password).
const beforePasswordSet = createAuthMiddleware(async (ctx) => {
  const field = PASSWORD_SETTING_PATHS[ctx.path ?? ''];
  const password = field ? (ctx.body as Record<string, unknown> | undefined)?.[field] : undefined;
  if (typeof password !== 'string') {
    return;
  }
  const bodyEmail = (ctx.body as { email?: unknown }).email;
  const email =
    typeof bodyEmail === 'string' ? bodyEmail : ((await getSessionFromCtx(ctx))?.user.email ?? '');
  const refusal = passwordPolicyRefusal(password, email);
  if (refusal) {
    throw new APIError('BAD_REQUEST', { message: refusal, code: 'WEAK_PASSWORD' });
  }
});

// Lockout before the password is even checked (so a locked account refuses the right password too): the check and
// the count are one atomic reservation (lib/server/access/sign-in-attempts.ts); the after hook settles it as succeeded or
// failed and audits it. Runs for the HTTP route and for auth.api.signInEmail alike.
const beforeAuth = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== SIGN_IN_PATH) {
    await beforePasswordSet(ctx);
    return;
  }
  const reservation = await reserveSignInAttempt(attemptOf(ctx));
  if (!reservation.reserved) {
    const minutes = reservation.lockout.retryAfterMinutes;
    throw new APIError('TOO_MANY_REQUESTS', {
      message: reservation.code === 'SIGN_IN_LOCKED' ? lockoutMessage(minutes) : ipLockoutMessage(minutes),
      code: reservation.code,
    });
  }
  return { context: { headers: new Headers({ [ATTEMPT_HEADER]: reservation.attemptId }) } };
});

const afterSignIn = createAuthMiddleware(async (ctx) => {
  const attemptId = ctx.headers?.get(ATTEMPT_HEADER);
  if (ctx.path !== SIGN_IN_PATH || !attemptId) {
    return;
  }
  const outcome = isAPIError(ctx.context.returned) ? 'failed' : 'succeeded';
  await completeSignInAttempt(attemptId, outcome, new Date());
});

// Better Auth handles email + password sign-in (scrypt password hashes) and database sessions in an
// http-only cookie. Public sign-up is off: organisations add people (issue 7); the seed creates the demo users.
function createAuth() {
  const env = getEnv();
  return betterAuth({
    appName: 'AI Footprint',
    baseURL: env.BETTER_AUTH_URL,
    secret: env.BETTER_AUTH_SECRET,
    trustedOrigins: [env.BETTER_AUTH_URL],
    database: prismaAdapter(getPrisma(), { provider: 'postgresql' }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: MIN_PASSWORD_LENGTH },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    hooks: { before: beforeAuth, after: afterSignIn },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { aiFootprintAuth?: Auth };

/** The Better Auth server instance (created on first use, after the environment is validated). */
export function getAuthServer(): Auth {
  globalForAuth.aiFootprintAuth ??= createAuth();
  return globalForAuth.aiFootprintAuth;
}
