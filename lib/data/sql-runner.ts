import 'server-only';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getPgPool } from './pg-pool';

/**
 * The one thing the set-based store needs from a transaction: run SQL with positional parameters, and (on a
 * plain pg connection) stream COPY input. Both a pg client in BEGIN and a Prisma interactive transaction fit,
 * so every write path (uploads, API, CodeCarbon live, demo seed) runs the same staging + upsert statements.
 */
export interface TSqlRunner {
  query<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** COPY … FROM STDIN fed with text chunks; absent on Prisma (no COPY protocol through the driver adapter). */
  copyIn?: (sql: string, chunks: AsyncIterable<string> | Iterable<string>) => Promise<void>;
}

export function pgRunner(client: pg.ClientBase): TSqlRunner {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, params as unknown[])).rows as R[];
    },
    async copyIn(sql, chunks) {
      await pipeline(Readable.from(chunks, { highWaterMark: 1 }), client.query(copyFrom(sql)));
    },
  };
}

/**
 * Each statement on its own pooled pg connection (no transaction): the default of the reads an upload needs
 * (organisation, contracts, factor library, upload DTO), so a process that only ingests never loads Prisma.
 */
export function poolRunner(pool: pg.Pool = getPgPool()): TSqlRunner {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []) {
      return (await pool.query(sql, params as unknown[])).rows as R[];
    },
  };
}

export function prismaRunner(tx: Prisma.TransactionClient): TSqlRunner {
  return {
    query<R>(sql: string, params: readonly unknown[] = []) {
      return tx.$queryRawUnsafe<R[]>(sql, ...params);
    },
  };
}

/** Runs `work` in a transaction on a pooled pg connection: COMMIT on success, ROLLBACK on any error. */
export async function withPgTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.ClientBase) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
