import 'server-only';
import type pg from 'pg';
import sql, { empty, join, raw, Sql } from 'sql-template-tag';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prismaRunner, type TSqlRunner } from './sql-runner';

/**
 * The one way to write SQL that Prisma's client cannot express (issue #18, docs/DECISIONS.md "One database stack"):
 *
 *   const rows = await queryRows<TRow>(db, sql`SELECT … WHERE r.org_id = ${ctx.orgId}::uuid`);
 *
 * `sql` (sql-template-tag, the tag Prisma's own `Prisma.sql` is a copy of) turns every `${value}` into a bound
 * parameter `$n`, numbered in order, and splices nested `sql` fragments in place with their parameters, so a
 * value is never part of the SQL text. `joinSql` joins fragments or values (an `IN (…)` list); a JavaScript array
 * given as one value is one array parameter (`= ANY(${ids}::uuid[])`). `rawSql` inserts text as is: only
 * for identifiers and keywords taken from constants of the code, never for input.
 */
export { emptySql, joinSql, rawSql, Sql, sql };

const joinSql = join;
const rawSql = raw;
const emptySql = empty;

/** Where a statement runs: a `TSqlRunner` (the pg pool, a checked-out connection) or a Prisma client/transaction. */
export type TSqlDb = TSqlRunner | Prisma.TransactionClient;

/**
 * A Prisma client (or interactive transaction) runs the statement through `$queryRawUnsafe` with the bound
 * values, exactly as `$queryRaw` would (the same parameter serialisation, NUMERIC → Decimal, BIGINT → bigint);
 * a pg runner returns pg's rows (NUMERIC and BIGINT as strings).
 */
function runnerOf(db: TSqlDb): TSqlRunner {
  return '$queryRawUnsafe' in db ? prismaRunner(db) : db;
}

/** Runs `statement` and returns its rows, typed by the caller's declared row type. */
export function queryRows<TRow>(db: TSqlDb, statement: Sql): Promise<TRow[]> {
  return runnerOf(db).query<TRow>(statement.text, statement.values);
}

/**
 * Runs a statement for its effect (a lock, DDL, an upsert without RETURNING); its rows, if any, are dropped. On
 * Prisma it is `$executeRawUnsafe`, which reads no result columns (`SELECT pg_advisory_xact_lock(…)` returns a
 * `void` one).
 */
export async function executeSql(db: TSqlDb, statement: Sql): Promise<void> {
  if ('$executeRawUnsafe' in db) {
    await db.$executeRawUnsafe(statement.text, ...statement.values);
    return;
  }
  await db.query(statement.text, statement.values);
}

/**
 * Runs a statement for its effect and returns how many rows it touched (pg's `rowCount`, Prisma's
 * `$executeRawUnsafe` result): for an UPDATE or DELETE whose count matters but whose rows need not come back
 * (a DELETE of an upload's records may remove millions). Needs a pg pool or connection, or a Prisma client:
 * a `TSqlRunner` returns rows only.
 */
export async function executeSqlCount(
  db: pg.Pool | pg.ClientBase | Prisma.TransactionClient,
  statement: Sql,
): Promise<number> {
  if ('$executeRawUnsafe' in db) {
    return db.$executeRawUnsafe(statement.text, ...statement.values);
  }
  const result = await db.query(statement.text, statement.values);
  return result.rowCount ?? 0;
}

/**
 * pg only: the rows as arrays in column order (pg's `rowMode: 'array'`), no object per row; for bulk loads that
 * copy the values into column storage (the bundled grid factors).
 */
export async function queryArrayRows<TRow extends unknown[]>(
  db: pg.Pool | pg.ClientBase,
  statement: Sql,
): Promise<TRow[]> {
  const result = await db.query<TRow, unknown[]>({
    text: statement.text,
    values: statement.values,
    rowMode: 'array',
  });
  return result.rows;
}
