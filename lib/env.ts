import { z } from 'zod';

// Server environment, validated once. Import `getEnv()` instead of reading process.env.
const ZEnv = z.object({
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
  // Signs session cookies. `npm run dev` and the e2e server set a development value; production must set its own.
  BETTER_AUTH_SECRET: z.string().min(32, { message: 'BETTER_AUTH_SECRET must be at least 32 characters' }),
  BETTER_AUTH_URL: z.string().url().default('http://localhost:3000'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid environment: ${problems}. See .env.example and README "Configuration".`);
    }
    cached = parsed.data;
  }
  return cached;
}

// API rate limits (lib/api/rate-limit-policy.ts): requests per fixed window; 0 disables that limit. Separate from
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
