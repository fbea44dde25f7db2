import 'server-only';
import type { TIngestTracer } from '@/lib/ingest/ingest-tracer';
import type { TContinuousCopyRunner } from '../../db/continuous-copy-runner';

/**
 * The COPYs of one upload (staging rows, provenance, record ids) on its data connection, a continuous COPY
 * (`createContinuousCopyRunner`): sending returns once the socket took the rows, so Postgres stores them while
 * Node parses the next ones. The time Node waits for Postgres (back-pressure, switching tables) is the `copy` span.
 */
export interface TCopyQueue {
  /** Runs `copy` (a writer's flush on the continuous runner), timing any wait for Postgres. */
  send(copy: () => Promise<void>): Promise<void>;
  /** Ends the open COPY and waits for Postgres; call it before using the connection directly. */
  settle(): Promise<void>;
}

export function createCopyQueue(tracer: TIngestTracer, db: TContinuousCopyRunner): TCopyQueue {
  return {
    send: (copy) => tracer.span('copy', copy),
    settle: () => tracer.span('copy', () => db.settle()),
  };
}
