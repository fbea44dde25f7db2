import 'server-only';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pgRunner, type TSqlRunner } from './sql-runner';

/** A runner on one connection whose consecutive COPYs of the same statement share one open COPY. */
export interface TContinuousCopyRunner extends TSqlRunner {
  copyIn: NonNullable<TSqlRunner['copyIn']>;
  /** Ends the open COPY and waits until Postgres has stored it (rethrowing its error). */
  settle(): Promise<void>;
  /**
   * Abandons the open COPY (CopyFail: Postgres discards it and the transaction is aborted) and waits until the
   * connection takes statements again. Call it when the work fails, before ROLLBACK: an open COPY would hold it.
   */
  abort(): Promise<void>;
}

/** Bytes Node holds for an open COPY before `copyIn` waits (about one batch of staging rows). */
const WRITE_BUFFER_BYTES = 1 << 19;

interface TOpenCopy {
  sql: string;
  stream: ReturnType<typeof copyFrom>;
  /** Settles once Postgres acknowledged the COPY (after `end`), or with its error. */
  done: Promise<void>;
  failure: { error: unknown } | null;
}

/**
 * The upload's data connection as a continuous COPY stream. `copyIn(sql, chunks)` appends the chunks to the COPY
 * already open for the same statement (one statement per run of same-table COPYs instead of one per batch) and
 * returns as soon as the socket took them; it waits only when Postgres is behind (back-pressure). Any other
 * statement (a COPY into another table, a query) first ends the open COPY and waits for it, so statements keep
 * their order and see all rows sent before them.
 *
 * Why: a COPY per batch needs several event-loop turns (CopyInResponse, CopyDone, ReadyForQuery) that a busy
 * parser delays, so Postgres sat idle while Node parsed and Node then waited for Postgres
 * (docs/decisions/ingest-perf.md §16). A COPY error (bad value, cancelled statement) surfaces at the next call.
 */
export function createContinuousCopyRunner(client: pg.ClientBase): TContinuousCopyRunner {
  const base = pgRunner(client);
  let open: TOpenCopy | null = null;

  const close = async (): Promise<void> => {
    const current = open;
    if (!current) {
      return;
    }
    open = null;
    if (!current.failure) {
      current.stream.end();
    }
    await current.done;
  };

  const start = (sql: string): TOpenCopy => {
    const stream = client.query(copyFrom(sql, { highWaterMark: WRITE_BUFFER_BYTES }));
    const copy: TOpenCopy = { sql, stream, done: Promise.resolve(), failure: null };
    copy.done = finished(stream);
    // Kept for the next call; handled here so an error between two calls is not an unhandled rejection.
    copy.done.catch((error: unknown) => {
      copy.failure = { error };
    });
    return copy;
  };

  return {
    async query(sql, params) {
      await close();
      return base.query(sql, params);
    },
    async copyIn(sql, chunks) {
      if (open && open.sql !== sql) {
        await close();
      }
      if (open?.failure) {
        await close();
      }
      const copy = open ?? start(sql);
      open = copy;
      for await (const chunk of chunks) {
        if (copy.failure) {
          break;
        }
        if (!copy.stream.write(chunk)) {
          // Postgres is behind: wait until the socket drained (or the COPY failed, then `once` rejects).
          await Promise.race([once(copy.stream, 'drain'), copy.done]);
        }
      }
      if (copy.failure) {
        open = null;
        throw copy.failure.error;
      }
    },
    settle: close,
    async abort() {
      const current = open;
      open = null;
      if (current && !current.failure) {
        current.stream.destroy(new Error('COPY abandoned: the upload failed'));
      }
      await current?.done.catch(() => undefined);
    },
  };
}
