import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

// The single Prisma client module. Only lib/data/** (and scripts that seed or migrate) import it.
// Prisma 7 with the pg driver adapter runs without a native query engine.

/** Creates a client for `databaseUrl`; callers that create one must `$disconnect()` it. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

const globalForPrisma = globalThis as unknown as { aiFootprintPrisma?: PrismaClient };

/** The process-wide client for DATABASE_URL, cached on globalThis so dev hot reloads reuse the pool. */
export function getPrisma(): PrismaClient {
  if (!globalForPrisma.aiFootprintPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        'DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which set it.',
      );
    }
    globalForPrisma.aiFootprintPrisma = createPrismaClient(url);
  }
  return globalForPrisma.aiFootprintPrisma;
}

export type { PrismaClient };
