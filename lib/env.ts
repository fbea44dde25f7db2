import ipaddr from 'ipaddr.js';
import { z } from 'zod';

// Environment, validated at start-up (scripts/dev.ts, scripts/start.ts via ensureLauncherEnv; the Next.js server
// via instrumentation.ts) and read through `getEnv()` instead of process.env. Messages name the variable and say
// what is wrong, never echo a secret.

const ZPostgresUrl = z.string().regex(/^postgres(ql)?:\/\/\S+$/, {
  message: 'must be a postgresql:// URL, e.g. postgresql://user:pass@host:5432/db',
});
const ZHttpUrl = z.string().regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, {
  message: 'must be an http(s):// URL, e.g. http://localhost:3000',
});
const ZSecret = z
  .string()
  .min(32, { message: 'must be at least 32 characters (generate one: openssl rand -base64 32)' });
const ZPort = z.string().refine((p) => /^\d+$/.test(p) && Number(p) >= 1 && Number(p) <= 65_535, {
  message: 'must be a whole number between 1 and 65535',
});

// How many reverse proxies in front of the app append to X-Forwarded-For (lib/security/client-ip.ts). Unset or 0:
// no proxy, the header is ignored (a client could write any address into it). docs/SECURITY.md "Client address".
const ZTrustedProxyHops = z.string().refine((n) => /^\d+$/.test(n) && Number(n) <= 10, {
  message:
    'must be a whole number of proxies from 0 to 10 (0 or unset: no proxy, X-Forwarded-For is ignored)',
});

// Hosts an alert webhook may reach although they resolve to internal addresses (lib/security/webhook-address.ts):
// comma-separated host names or IP literals, for self-hosters whose receiver sits on their own network.
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const ZAllowedHosts = z.string().refine(
  (list) =>
    list
      .split(',')
      .map((h) => h.trim().replace(/^\[(.*)\]$/, '$1'))
      .filter((h) => h !== '')
      .every((h) => HOST_NAME.test(h) || ipaddr.isValid(h)),
  {
    message:
      'must be comma-separated host names or IP addresses, e.g. hooks.internal,10.0.0.5 (no scheme, no port)',
  },
);

// What the Next.js server needs (the launchers fill DATABASE_URL and a development secret in before starting it).
const ZEnv = z.object({
  DATABASE_URL: ZPostgresUrl,
  // Signs session cookies and the active-organisation cookie.
  BETTER_AUTH_SECRET: ZSecret,
  BETTER_AUTH_URL: ZHttpUrl.default('http://localhost:3000'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  TRUSTED_PROXY_HOPS: ZTrustedProxyHops.optional(),
  ALERT_WEBHOOK_ALLOWED_HOSTS: ZAllowedHosts.optional(),
});

// What the launchers accept from the user: everything optional (embedded database, development secret), but
// well-formed when set.
const ZLauncherEnv = z.object({
  DATABASE_URL: ZPostgresUrl.optional(),
  BETTER_AUTH_SECRET: ZSecret.optional(),
  BETTER_AUTH_URL: ZHttpUrl.optional(),
  PORT: ZPort.optional(),
  EMBEDDED_PG_PORT: ZPort.optional(),
  TRUSTED_PROXY_HOPS: ZTrustedProxyHops.optional(),
  ALERT_WEBHOOK_ALLOWED_HOSTS: ZAllowedHosts.optional(),
});

export type TEnv = z.infer<typeof ZEnv>;

/** One line per problem: `NAME: what is wrong`. Empty when the environment is valid. Pure. */
export function environmentProblems(
  source: Record<string, string | undefined>,
  which: 'server' | 'launcher',
): string[] {
  // Empty strings count as unset (a blank line in .env should not fail as "invalid URL").
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = (which === 'server' ? ZEnv : ZLauncherEnv).safeParse(cleaned);
  if (parsed.success) {
    return [];
  }
  return parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    return cleaned[name] === undefined ? `${name}: is not set` : `${name}: ${issue.message}`;
  });
}

/** The start-up message for a list of problems. */
export function formatEnvironmentProblems(problems: string[]): string {
  return `Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example and README "Configuration".`;
}

/** For the launchers and the server's boot: print the problems and exit 1. */
export function ensureEnvironment(which: 'server' | 'launcher'): void {
  const problems = environmentProblems(process.env, which);
  if (problems.length > 0) {
    console.error(`\nCannot start AI Footprint. ${formatEnvironmentProblems(problems)}\n`);
    process.exit(1);
  }
}

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  if (!cached) {
    const problems = environmentProblems(process.env, 'server');
    if (problems.length > 0) {
      throw new Error(formatEnvironmentProblems(problems));
    }
    cached = ZEnv.parse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
  }
  return cached;
}

// API rate limits (lib/server/http/rate-limit-policy.ts): requests per fixed window; 0 disables that limit. Separate from
// ZEnv so that token-only callers (tests, CLI) need no auth secret.
const ZRateLimitEnv = z.object({
  API_RATE_LIMIT_WINDOW_S: z.coerce.number().int().min(1).max(3600).default(60),
  API_RATE_LIMIT_PER_TOKEN: z.coerce.number().int().nonnegative().default(600),
  API_RATE_LIMIT_PER_ORG: z.coerce.number().int().nonnegative().default(3000),
  API_RATE_LIMIT_PER_IP: z.coerce.number().int().nonnegative().default(120),
});

let cachedRateLimits: z.infer<typeof ZRateLimitEnv> | undefined;

export function getRateLimitEnv(): z.infer<typeof ZRateLimitEnv> {
  if (!cachedRateLimits) {
    const parsed = ZRateLimitEnv.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid environment: ${problems}. See .env.example.`);
    }
    cachedRateLimits = parsed.data;
  }
  return cachedRateLimits;
}

/**
 * TRUSTED_PROXY_HOPS as a number (0 when unset or empty). Read on every call, not cached: cheap, and tests switch it.
 * Validated at start-up with the rest (ensureEnvironment); an invalid value still fails loudly here.
 */
export function getTrustedProxyHops(): number {
  const raw = process.env.TRUSTED_PROXY_HOPS;
  if (raw === undefined || raw === '') {
    return 0;
  }
  const parsed = ZTrustedProxyHops.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment: TRUSTED_PROXY_HOPS: ${parsed.error.issues[0]?.message}. See .env.example.`,
    );
  }
  return Number(raw);
}

const ZOrgResponseCacheMb = z.coerce.number().int().min(0).max(4096);

/**
 * ORG_RESPONSE_CACHE_MB: what the per-organisation response cache may hold per process, in MiB of JSON text
 * (lib/server/http/org-response-cache.ts); default 32, 0 turns it off (every read is computed: the cold figure of
 * `npm run bench:summary-load -- --cold`). Read once, when the cache is created.
 */
export function getOrgResponseCacheMb(): number {
  const raw = process.env.ORG_RESPONSE_CACHE_MB;
  if (raw === undefined || raw === '') {
    return 32;
  }
  const parsed = ZOrgResponseCacheMb.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment: ORG_RESPONSE_CACHE_MB: ${parsed.error.issues[0]?.message}. See .env.example.`,
    );
  }
  return parsed.data;
}

/** ALERT_WEBHOOK_ALLOWED_HOSTS as written (validated at start-up). Read on every call: tests switch it. */
export function getWebhookAllowedHostsSetting(): string | undefined {
  const raw = process.env.ALERT_WEBHOOK_ALLOWED_HOSTS;
  const parsed = ZAllowedHosts.optional().safeParse(raw === '' ? undefined : raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment: ALERT_WEBHOOK_ALLOWED_HOSTS: ${parsed.error.issues[0]?.message}. See .env.example.`,
    );
  }
  return parsed.data;
}
