import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { DASHBOARD_READ_SLOTS, getPgPool } from '@/lib/server/db/pg-pool';
import { executeSql, rawSql } from '@/lib/server/db/sql';
import { RenderGate } from '@/lib/server/http/render-gate';

// The single Prisma client module. Only lib/server/** (and scripts that seed or migrate) import it.
// Prisma 7 with the pg driver adapter runs without a native query engine, on the app's one pg.Pool
// (lib/server/db/pg-pool.ts; docs/DECISIONS.md "One database stack").

/**
 * PrismaPg on a given pool, checked: the adapter recognises the pool with `instanceof pg.Pool` of ITS copy of `pg`
 * and otherwise silently opens a second pool from the options. Two copies of `pg` (a dependency resolving another
 * version, a bundler inlining one) must fail the first query, not double the connections.
 */
class SharedPoolAdapter extends PrismaPg {
  constructor(private readonly sharedPool: pg.Pool) {
    super(sharedPool);
  }

  override async connect() {
    const adapter = await super.connect();
    if (adapter.underlyingDriver() !== this.sharedPool) {
      await adapter.dispose();
      throw new Error('@prisma/adapter-pg did not take the app pool (two copies of `pg` are loaded).');
    }
    return adapter;
  }
}

/**
 * A client on `pool` (PrismaPg uses an existing pg.Pool as is and, by default, leaves it open on `$disconnect()`:
 * the pool's owner ends it).
 */
export function createPrismaClient(pool: pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new SharedPoolAdapter(pool) });
}

const globalForPrisma = globalThis as unknown as {
  aiFootprintPrisma?: PrismaClient;
  aiFootprintPrismaPool?: pg.Pool;
  aiFootprintDashboardGate?: RenderGate;
};

/** Statements of dashboard reads are cancelled by Postgres after this long (ms; DASHBOARD_STATEMENT_TIMEOUT_MS). */
export const DASHBOARD_STATEMENT_TIMEOUT_MS = Number(process.env.DASHBOARD_STATEMENT_TIMEOUT_MS ?? 10_000);
if (!Number.isInteger(DASHBOARD_STATEMENT_TIMEOUT_MS) || DASHBOARD_STATEMENT_TIMEOUT_MS <= 0) {
  throw new Error(
    `DASHBOARD_STATEMENT_TIMEOUT_MS must be a positive whole number of milliseconds, got ${process.env.DASHBOARD_STATEMENT_TIMEOUT_MS}`,
  );
}

const readScope = new AsyncLocalStorage<PrismaClient>();

/**
 * Runs `fn` with getPrisma() answering a transaction whose statements Postgres cancels after
 * DASHBOARD_STATEMENT_TIMEOUT_MS (`SET LOCAL statement_timeout`, gone at COMMIT, so the pooled session goes back
 * without it), so a runaway aggregate is cancelled instead of holding a connection for minutes. At most
 * DASHBOARD_READ_SLOTS run at once per process (the others wait here, holding no connection), so a burst of page
 * views cannot take the connections writers need (the pool's arithmetic: lib/server/db/pg-pool.ts). `fn` runs its
 * Prisma queries one at a time on that connection and must not call `$transaction`; pg-pool reads in it
 * (getOrganization) take a second connection.
 */
export async function withDashboardReads<T>(fn: () => Promise<T>): Promise<T> {
  if (readScope.getStore()) {
    return fn();
  }
  globalForPrisma.aiFootprintDashboardGate ??= new RenderGate(DASHBOARD_READ_SLOTS);
  const release = await globalForPrisma.aiFootprintDashboardGate.acquire();
  try {
    return await sharedPrisma().$transaction(
      async (tx) => {
        // SET takes no bound parameters; the value is a numeric constant.
        await executeSql(tx, rawSql(`SET LOCAL statement_timeout = ${DASHBOARD_STATEMENT_TIMEOUT_MS}`));
        return readScope.run(tx as PrismaClient, fn);
      },
      // maxWait: for a pool connection (Prisma's default, 2 s, would fail page views under load, which used to
      // queue); timeout: the whole read, a handful of statements each bounded by the statement timeout.
      { maxWait: 60_000, timeout: 6 * DASHBOARD_STATEMENT_TIMEOUT_MS },
    );
  } finally {
    release();
  }
}

/** The process-wide client on the one pool, re-created with it (tests change DATABASE_URL). */
function sharedPrisma(): PrismaClient {
  const pool = getPgPool();
  if (!globalForPrisma.aiFootprintPrisma || globalForPrisma.aiFootprintPrismaPool !== pool) {
    globalForPrisma.aiFootprintPrisma = createPrismaClient(pool);
    globalForPrisma.aiFootprintPrismaPool = pool;
  }
  return globalForPrisma.aiFootprintPrisma;
}

/** The process-wide client (inside withDashboardReads: its transaction), cached on globalThis for dev reloads. */
export function getPrisma(): PrismaClient {
  return readScope.getStore() ?? sharedPrisma();
}

export type { PrismaClient };
