import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { getPrisma } from '@/lib/db';
import { getEnv } from '@/lib/env';

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
