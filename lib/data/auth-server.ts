import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { getPrisma } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { ipLockoutMessage, lockoutMessage } from '@/lib/security/sign-in-lockout';
import { getIpSignInLockout, getSignInLockout, recordSignInAttempt } from './sign-in-attempts';

const SIGN_IN_PATH = '/sign-in/email';

type THookContext = { path?: string; body?: unknown; headers?: Headers; request?: Request };

function attemptOf(ctx: THookContext) {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  const headers = ctx.headers ?? ctx.request?.headers;
  return {
    email: typeof email === 'string' ? email : '',
    ipAddress: headers?.get('x-forwarded-for')?.split(',')[0]?.trim() || headers?.get('x-real-ip') || null,
    userAgent: headers?.get('user-agent') ?? null,
  };
}

// Lockout before the password is even checked (so a locked account refuses the right password too), and one
// SignInAttempt + audit events after every attempt. Runs for the HTTP route and for auth.api.signInEmail alike.
const beforeSignIn = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== SIGN_IN_PATH) {
    return;
  }
  const attempt = attemptOf(ctx);
  const now = new Date();
  const lockout = await getSignInLockout(attempt.email, now);
  if (lockout.locked) {
    await recordSignInAttempt({ ...attempt, outcome: 'locked' }, now);
    throw new APIError('TOO_MANY_REQUESTS', {
      message: lockoutMessage(lockout.retryAfterMinutes),
      code: 'SIGN_IN_LOCKED',
    });
  }
  const ipLockout = await getIpSignInLockout(attempt.ipAddress, now);
  if (ipLockout.locked) {
    await recordSignInAttempt({ ...attempt, outcome: 'locked' }, now);
    throw new APIError('TOO_MANY_REQUESTS', {
      message: ipLockoutMessage(ipLockout.retryAfterMinutes),
      code: 'SIGN_IN_IP_LOCKED',
    });
  }
});

const afterSignIn = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== SIGN_IN_PATH) {
    return;
  }
  const outcome = isAPIError(ctx.context.returned) ? 'failed' : 'succeeded';
  await recordSignInAttempt({ ...attemptOf(ctx), outcome }, new Date());
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
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    hooks: { before: beforeSignIn, after: afterSignIn },
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
