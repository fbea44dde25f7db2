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
