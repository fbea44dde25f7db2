import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

// The single Prisma client module. Only lib/data/** (and scripts that seed or migrate) import it.
// Prisma 7 with the pg driver adapter runs without a native query engine.

/** Creates a client for `databaseUrl`; callers that create one must `$disconnect()` it. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 10 }) });
}

const globalForPrisma = globalThis as unknown as {
  aiFootprintPrisma?: PrismaClient;
  aiFootprintReadPrisma?: { client: PrismaClient; url: string };
};

/** Statements of dashboard reads are cancelled by Postgres after this long (ms; DASHBOARD_STATEMENT_TIMEOUT_MS). */
export const DASHBOARD_STATEMENT_TIMEOUT_MS = Number(process.env.DASHBOARD_STATEMENT_TIMEOUT_MS ?? 10_000);
/** Connections of the dashboard-read pool: at most this many dashboard queries run at once per process. */
const DASHBOARD_READ_CONNECTIONS = 4;

const readScope = new AsyncLocalStorage<PrismaClient>();

/**
 * Runs `fn` with getPrisma() answering the dashboard-read client: its own small pool (bounded concurrency, so a
 * burst of page views cannot take every connection writers need) whose sessions have a statement_timeout, so a
 * runaway aggregate is cancelled by Postgres instead of holding a connection for minutes.
 */
export function withDashboardReads<T>(fn: () => Promise<T>): Promise<T> {
  const url = databaseUrl();
  if (globalForPrisma.aiFootprintReadPrisma?.url !== url) {
    const adapter = new PrismaPg({
      connectionString: url,
      max: DASHBOARD_READ_CONNECTIONS,
      statement_timeout: DASHBOARD_STATEMENT_TIMEOUT_MS,
    });
    globalForPrisma.aiFootprintReadPrisma = { client: new PrismaClient({ adapter }), url };
  }
  return readScope.run(globalForPrisma.aiFootprintReadPrisma.client, fn);
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which set it.',
    );
  }
  return url;
}

/** The process-wide client for DATABASE_URL, cached on globalThis so dev hot reloads reuse the pool. */
export function getPrisma(): PrismaClient {
  const scoped = readScope.getStore();
  if (scoped) {
    return scoped;
  }
  if (!globalForPrisma.aiFootprintPrisma) {
    globalForPrisma.aiFootprintPrisma = createPrismaClient(databaseUrl());
  }
  return globalForPrisma.aiFootprintPrisma;
}

export type { PrismaClient };
