import 'server-only';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getPgPool } from './pg-pool';

/**
 * The one thing the set-based store needs from a database: run SQL with positional parameters, and (on a
 * checked-out pg connection) stream COPY input. A pg connection in a transaction, the pg pool (one statement per
 * pooled connection) and a Prisma interactive transaction all fit, so every write path (uploads, API, CodeCarbon
 * live, demo seed) runs the same staging + upsert statements. Code outside lib/server/db does not call `query`
 * itself: it writes `sql`…`` statements and runs them with `queryRows`/`executeSql` (lib/server/db/sql.ts).
 */
export interface TSqlRunner {
  query<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** COPY … FROM STDIN fed with text chunks; only on a checked-out connection (COPY needs one session). */
  copyIn?: (sql: string, chunks: AsyncIterable<string> | Iterable<string>) => Promise<void>;
}

/**
 * SQL on the app's pg pool (default: each statement on a pooled connection, no transaction; the reads an upload
 * needs, so a process that only ingests never loads Prisma) or on a checked-out connection (COPY, transactions).
 */
export function pgRunner(db: pg.Pool | pg.ClientBase = getPgPool()): TSqlRunner {
  const query = async <R>(sql: string, params: readonly unknown[] = []) =>
    (await db.query(sql, params as unknown[])).rows as R[];
  if (db instanceof pg.Pool) {
    return { query };
  }
  return {
    query,
    async copyIn(sql, chunks) {
      await pipeline(Readable.from(chunks, { highWaterMark: 1 }), db.query(copyFrom(sql)));
    },
  };
}

/**
 * SQL inside a Prisma interactive transaction (recompute, factor overrides, seeds): the adapter does not hand out
 * the transaction's pg connection, so reads that must see that transaction's uncommitted writes, and staging
 * + upsert within it, go through `$queryRawUnsafe` on it.
 */
export function prismaRunner(tx: Prisma.TransactionClient): TSqlRunner {
  return {
    query<R>(sql: string, params: readonly unknown[] = []) {
      return tx.$queryRawUnsafe<R[]>(sql, ...params);
    },
  };
}

/**
 * The transaction helper of the pg code: BEGIN, `work`, COMMIT; ROLLBACK on any error (rethrown), or when
 * `rollbackIf(result)` says the work is to be discarded (an upload that stores nothing). Given the pool, it
 * checks a connection out and releases it (destroyed if ROLLBACK failed: the session is unusable); given a
 * connection, it leaves the connection to its owner.
 */
export async function withTransaction<T>(
  db: pg.Pool | pg.ClientBase,
  work: (client: pg.ClientBase) => Promise<T>,
  options: { rollbackIf?: (result: T) => boolean } = {},
): Promise<T> {
  if (db instanceof pg.Pool) {
    const client = await db.connect();
    let broken: Error | undefined;
    try {
      return await inTransaction(client, work, options, (error) => {
        broken = error;
      });
    } finally {
      client.release(broken);
    }
  }
  return inTransaction(db, work, options, () => undefined);
}

async function inTransaction<T>(
  client: pg.ClientBase,
  work: (client: pg.ClientBase) => Promise<T>,
  options: { rollbackIf?: (result: T) => boolean },
  onBroken: (error: Error) => void,
): Promise<T> {
  await client.query('BEGIN');
  let result: T;
  try {
    result = await work(client);
  } catch (error) {
    await client.query('ROLLBACK').catch(onBroken);
    throw error;
  }
  await client.query(options.rollbackIf?.(result) ? 'ROLLBACK' : 'COMMIT');
  return result;
}
